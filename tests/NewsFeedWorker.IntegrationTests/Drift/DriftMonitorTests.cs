using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Testing;
using NewsFeedWorker.Cli;
using NewsFeedWorker.Diagnostics;
using NewsFeedWorker.IntegrationTests.Diagnostics;
using NewsFeedWorker.Drift;
using NewsFeedWorker.IntegrationTests.Support;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.IntegrationTests.Drift;

/// <summary>
/// A configured source runs against the loopback sample site whose template changes between two cycles: the next cycle names the
/// field in the drift health check, says so once in the log, and a <c>suggest --for</c> repair clears it.
/// </summary>
public sealed class DriftMonitorTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("drift-").FullName;
    private readonly FakeLogger<DriftMonitor> log = new();

    [Fact]
    public async Task A_template_change_turns_the_source_degraded_naming_the_field_and_a_suggested_repair_clears_it()
    {
        await using var site = await FixtureSite.StartAsync();
        site.Rewrite = page => page;
        var listUrl = new Uri(site.BaseAddress, "/sample/news/articleList.html?sc_section_code=S1N6");
        var sourcesFile = Path.Combine(this.directory, "sources.json");
        var suggest = await WorkerCommand.InvokeAsync("suggest", listUrl.AbsoluteUri, "--id", "reskin", "--articles", "2", "--write", sourcesFile);
        Assert.True(suggest.ExitCode == 0, suggest.Error);
        var source = Assert.Single(SourcesFileLoader.Load(sourcesFile));
        Assert.Equal("h3.heading", source.Selectors!.Title);

        var monitor = new DriftMonitor(TimeProvider.System, this.log);
        var health = new SourceDriftHealthCheck([monitor]);
        await using var services = ScrapeCommand.Services(new ConfigurationBuilder().Build());
        var data = Path.Combine(this.directory, "data");
        Directory.CreateDirectory(data);
        await using var store = new SqliteFeedStore(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(data, "newsfeedworker.db")}" }, TimeProvider.System, new FakeLogger<SqliteFeedStore>());
        await store.MigrateAsync(CancellationToken.None);
        var cycle = ActivatorUtilities.CreateInstance<ScrapeCycle>(services, new StoreCycleSink(store, _ => Task.CompletedTask, monitor));

        await cycle.RunAsync(source, CancellationToken.None);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(health)).Status);

        site.Rewrite = page => page.Replace("<h3 class=\"heading\">", "<h2 class=\"headline\">", StringComparison.Ordinal);
        await cycle.RunAsync(source, CancellationToken.None);
        var drifted = await CheckAsync(health);
        Assert.Equal(HealthStatus.Degraded, drifted.Status);
        Assert.Contains("title: \"h3.heading\" matched nothing on 2 of 2 pages", drifted.Description, StringComparison.Ordinal);
        Assert.Equal("h3.heading", Assert.Single(monitor.WarningsOf("reskin")).Selector);
        var sources = await WorkerCommand.InvokeAsync("sources", "--sources", sourcesFile, "--data", data);
        Assert.Contains("drift          title: \"h3.heading\" matched nothing on 2 of 2 pages", sources.Output, StringComparison.Ordinal);

        await cycle.RunAsync(source, CancellationToken.None);
        Assert.Single(this.log.Collector.GetSnapshot(), r => r.Message.Contains("drifted", StringComparison.Ordinal));

        var repair = await WorkerCommand.InvokeAsync("suggest", "--for", "reskin", "--sources", sourcesFile, "--articles", "2");
        Assert.True(repair.ExitCode == 0, repair.Error);
        Assert.Contains("- selectors.title: h3.heading", repair.Output, StringComparison.Ordinal);
        Assert.Contains("+ selectors.title: h2.headline", repair.Output, StringComparison.Ordinal);
        var json = await WorkerCommand.InvokeAsync("suggest", "--for", "reskin", "--sources", sourcesFile, "--articles", "2", "--json");
        var repaired = Assert.Single(SourcesFileLoader.Parse("{ \"sources\": [" + json.Output + "] }", "repaired.json"));

        await cycle.RunAsync(repaired, CancellationToken.None);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(health)).Status);
        Assert.Empty(monitor.WarningsOf("reskin"));
        Assert.DoesNotContain("drift ", (await WorkerCommand.InvokeAsync("sources", "--sources", sourcesFile, "--data", data)).Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    private static Task<HealthCheckResult> CheckAsync(SourceDriftHealthCheck health) =>
        health.CheckHealthAsync(new HealthCheckContext { Registration = new HealthCheckRegistration("drift", health, null, null) });
}
