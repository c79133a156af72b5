using Microsoft.Extensions.Configuration;
using NewsFeedWorker.Hosting;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Hosting;

public sealed class WorkerConfigurationTests
{
    [Fact]
    public void Environment_variables_win_over_the_settings_file_and_command_line_options_win_over_both()
    {
        using var dir = new TempDirectory();
        var probe = $"Probe{Guid.NewGuid():n}";
        Directory.CreateDirectory(dir.File("config"));
        dir.Write("config/appsettings.json", $$"""
            { "Worker": { "{{probe}}File": "file", "{{probe}}Env": "file", "{{probe}}Cli": "file" }, "{{probe}}Urls": "file" }
            """);
        Environment.SetEnvironmentVariable($"Worker__{probe}Env", "env");
        Environment.SetEnvironmentVariable($"Worker__{probe}Cli", "env");
        Environment.SetEnvironmentVariable($"ASPNETCORE_{probe}Urls", "aspnetcore-env");
        try
        {
            var builder = new ConfigurationBuilder().SetBasePath(dir.Path);
            builder.AddWorkerSources("Production", new Dictionary<string, string?> { [$"Worker:{probe}Cli"] = "cli" });
            var configuration = builder.Build();

            Assert.Equal("file", configuration[$"Worker:{probe}File"]);
            Assert.Equal("env", configuration[$"Worker:{probe}Env"]);
            Assert.Equal("cli", configuration[$"Worker:{probe}Cli"]);
            Assert.Equal("aspnetcore-env", configuration[$"{probe}Urls"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"Worker__{probe}Env", null);
            Environment.SetEnvironmentVariable($"Worker__{probe}Cli", null);
            Environment.SetEnvironmentVariable($"ASPNETCORE_{probe}Urls", null);
        }
    }

    [Fact]
    public void Worker_options_default_to_the_documented_values()
    {
        Assert.Equal("config/sources.json", new SourcesOptions().SourcesFile);
        Assert.Equal("data", new WorkerOptions().DataDirectory);
        Assert.Equal(TimeSpan.FromHours(48), new SchedulerOptions().RecheckWindow);
        Assert.Equal("http://127.0.0.1:5080", WorkerConfiguration.DefaultUrls);
    }
}
