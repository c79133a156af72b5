using Microsoft.Extensions.Configuration;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsFeedWorker.Cli;
using NewsFeedWorker.Hosting;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;
using NewsFeedWorker.IntegrationTests.Support;

namespace NewsFeedWorker.IntegrationTests.Hosting;

[Collection(InProcessWorkerCollection.Name)]
public sealed class WorkerHostTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "nfw-host-tests", Guid.NewGuid().ToString("n"));

    public WorkerHostTests() => Directory.CreateDirectory(directory);

    private string SourcesFile(string schedule = "0 0 3 * * ?")
    {
        var path = Path.Combine(directory, "sources.json");
        File.WriteAllText(path, $$"""
            { "sources": [ { "id": "local", "name": "Local", "schedule": "{{schedule}}", "startUrls": ["http://127.0.0.1:9/list"] } ] }
            """);
        return path;
    }

    private Dictionary<string, string?> Settings(string sourcesFile, bool runOnStart = false) => new()
    {
        ["Worker:SourcesFile"] = sourcesFile,
        ["Worker:DataDirectory"] = Path.Combine(directory, "data"),
        ["Worker:RunOnStart"] = runOnStart.ToString(),
        ["Worker:ShutdownTimeout"] = "00:00:30",
        ["urls"] = "http://127.0.0.1:0",
    };

    private static Uri BaseAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    [Fact]
    public async Task The_host_starts_on_loopback_serves_health_and_the_sample_site_and_stops_cleanly()
    {
        await using var app = WorkerHost.Build(Settings(SourcesFile()));
        await app.StartAsync();
        var baseAddress = BaseAddress(app);
        using var http = new HttpClient { BaseAddress = baseAddress };

        // Quartz starts its scheduler once the host has started (AwaitApplicationStarted): "Degraded" until then.
        HttpResponseMessage health;
        JsonElement json;
        for (var attempt = 0; ; attempt++)
        {
            health = await http.GetAsync(new Uri("/health", UriKind.Relative));
            json = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
            if (json.GetProperty("status").GetString() != "Degraded" || attempt == 100)
            {
                break;
            }

            health.Dispose();
            await Task.Delay(100);
        }

        using var disposeHealth = health;
        using var sample = await http.GetAsync(new Uri("/sample/news/articleView.html?idxno=1001", UriKind.Relative));
        using var root = await http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("127.0.0.1", baseAddress.Host);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("application/json", health.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Equal(1, json.GetProperty("checks").GetProperty("sources").GetProperty("data").GetProperty("sources").GetInt32());
        Assert.True(json.GetProperty("checks").GetProperty("scheduler").GetProperty("data").TryGetProperty("local", out _));
        Assert.Equal(HttpStatusCode.OK, sample.StatusCode);
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);

        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(new Uri("/health", UriKind.Relative)));
    }

    [Fact]
    public async Task The_docker_health_probe_exits_0_for_a_running_worker_and_1_when_nothing_answers()
    {
        await using var app = WorkerHost.Build(Settings(SourcesFile()));
        await app.StartAsync();
        var health = new Uri(BaseAddress(app), "/health");
        using var error = new StringWriter();

        var healthy = await WorkerCommandLine.Create().Parse(["health-probe", "--url", health.ToString()]).InvokeAsync(new() { Error = error });
        await app.StopAsync();
        var stopped = await WorkerCommandLine.Create().Parse(["health-probe", "--url", health.ToString()]).InvokeAsync(new() { Error = error });

        Assert.True(healthy == 0, error.ToString());
        Assert.Equal(1, stopped);
    }

    [Fact]
    public async Task Logs_go_to_a_rolling_file_under_the_data_directory()
    {
        var settings = Settings(SourcesFile());
        settings["Serilog:WriteTo:0:Name"] = "File";
        settings["Serilog:WriteTo:0:Args:path"] = "{DataDirectory}/logs/worker-.log";
        settings["Serilog:WriteTo:0:Args:rollingInterval"] = "Day";
        await using (var app = WorkerHost.Build(settings))
        {
            await app.StartAsync();
            await app.StopAsync();
        }

        var log = Assert.Single(Directory.GetFiles(Path.Combine(directory, "data", "logs"), "worker-*.log"));
        Assert.Contains("Loaded 1 sources", await File.ReadAllTextAsync(log));
    }

    [Fact]
    public async Task Without_any_log_settings_the_worker_still_logs_to_a_rolling_file_under_the_data_directory()
    {
        // The tests run from a folder without config/appsettings.json, so there is no Serilog section at all.
        var settings = Settings(SourcesFile());
        await using (var app = WorkerHost.Build(settings, builder => Assert.False(builder.Configuration.GetSection("Serilog").Exists())))
        {
            await app.StartAsync();
            await app.StopAsync();
        }

        var log = Assert.Single(Directory.GetFiles(Path.Combine(directory, "data", "logs"), "newsfeedworker-*.log"));
        Assert.Contains("Loaded 1 sources", await File.ReadAllTextAsync(log));
    }

    [Fact]
    public async Task The_compact_json_format_is_selectable_in_settings()
    {
        var settings = Settings(SourcesFile());
        settings["Serilog:WriteTo:0:Name"] = "File";
        settings["Serilog:WriteTo:0:Args:path"] = "{DataDirectory}/logs/json-.log";
        settings["Serilog:WriteTo:0:Args:formatter"] = "Serilog.Formatting.Compact.RenderedCompactJsonFormatter, Serilog.Formatting.Compact";
        await using (var app = WorkerHost.Build(settings))
        {
            await app.StartAsync();
            await app.StopAsync();
        }

        var log = Assert.Single(Directory.GetFiles(Path.Combine(directory, "data", "logs"), "json-*.log"));
        var lines = await File.ReadAllLinesAsync(log);
        var loaded = lines.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("@m").GetString()!.StartsWith("Loaded 1 sources", StringComparison.Ordinal));
        Assert.Equal(Path.Combine(directory, "sources.json"), loaded.GetProperty("Path").GetString());
    }

    [Fact]
    public async Task Stopping_the_host_cancels_a_running_cycle_and_waits_for_it()
    {
        var cycle = new BlockingCycle();
        await using var app = WorkerHost.Build(Settings(SourcesFile(), runOnStart: true), builder => builder.Services.AddSingleton<ISourceCycle>(cycle));
        await app.StartAsync();
        await cycle.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(cycle.Finished.Task.IsCompletedSuccessfully);
        Assert.True(await cycle.Finished.Task);
    }

    [Fact]
    public async Task Run_with_an_invalid_sources_file_exits_2_with_one_message_naming_the_source_and_key()
    {
        using var error = new StringWriter();

        var exitCode = await RunCommand.RunAsync(Settings(SourcesFile(schedule: "every hour")), error, CancellationToken.None);

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        var message = error.ToString().Trim();
        Assert.StartsWith("Configuration error: ", message);
        Assert.Contains("source \"local\", key \"schedule\": \"every hour\" is not a valid Quartz cron expression", message);
        Assert.Single(message.Split('\n'));
    }

    [Fact]
    public void A_bad_sources_file_stops_the_worker_before_the_host_starts()
    {
        var error = Assert.Throws<SourcesFileException>(() => WorkerHost.Build(Settings(SourcesFile(schedule: "0 0 25 * * ?"))));

        Assert.Contains("source \"local\", key \"schedule\"", error.Message);
    }

    [Fact]
    public async Task Run_with_an_invalid_worker_setting_exits_2_naming_the_setting()
    {
        using var error = new StringWriter();
        var settings = Settings(SourcesFile());
        settings["Worker:ShutdownTimeout"] = "00:00:00";

        var exitCode = await RunCommand.RunAsync(settings, error, CancellationToken.None);

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.StartsWith("Configuration error: invalid setting (WorkerOptions", error.ToString());
        Assert.Contains("ShutdownTimeout", error.ToString());
    }

    [Fact]
    public void A_sources_file_exception_wrapped_by_the_container_is_still_reported_as_a_configuration_problem()
    {
        var wrapped = new InvalidOperationException("outer", new SourcesFileException("sources.json: source \"x\", key \"id\": bad"));

        Assert.Equal("sources.json: source \"x\", key \"id\": bad", RunCommand.ConfigurationProblem(wrapped));
        Assert.Null(RunCommand.ConfigurationProblem(new InvalidOperationException("not about settings")));
        Assert.Equal($"a{Environment.NewLine}b", RunCommand.ConfigurationProblem(new AggregateException(new SourcesFileException("a"), new SourcesFileException("b"))));
        Assert.Null(RunCommand.ConfigurationProblem(new AggregateException(new SourcesFileException("a"), new IOException("disk"))));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // The log file may still be flushing; the temp folder is cleaned eventually.
        }
    }

    private sealed class BlockingCycle : ISourceCycle
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task RunAsync(SourceDefinition source, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                Finished.TrySetResult(cancellationToken.IsCancellationRequested);
            }
        }
    }
}
