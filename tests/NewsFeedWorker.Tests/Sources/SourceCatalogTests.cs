using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Tests.Scheduling;

namespace NewsFeedWorker.Tests.Sources;

public sealed class SourceCatalogTests
{
    private static string Source(string id, string schedule = "0 0 3 * * ?") => $$"""
        "id": "{{id}}", "name": "{{id}}", "schedule": "{{schedule}}", "startUrls": ["http://127.0.0.1:9/{{id}}/"]
        """;

    [Fact]
    public async Task An_invalid_edit_is_rejected_with_an_error_log_and_the_running_sources_stay()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Source("alpha")));
        var catalog = harness.Catalog;
        var raised = 0;
        catalog.Changed += _ => raised++;

        File.WriteAllText(harness.SourcesFile, Some.SourcesJson(Source("alpha", "every minute")));
        var taken = catalog.Reload();

        Assert.False(taken);
        Assert.Equal(0, raised);
        Assert.Equal("0 0 3 * * ?", Assert.Single(catalog.Sources).Schedule);
        Assert.Equal(1, catalog.Version);
        Assert.Contains("source \"alpha\", key \"schedule\"", catalog.LastReloadError);
        var error = Assert.Single(harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains("running sources stay in force", error.Message);
        Assert.Contains("key \"schedule\"", error.Message);
    }

    [Fact]
    public async Task A_good_edit_after_a_bad_one_is_taken_and_clears_the_error()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Source("alpha")));
        var catalog = harness.Catalog;
        File.WriteAllText(harness.SourcesFile, "{ \"sources\": [ ");
        catalog.Reload();
        Assert.Contains("invalid JSON at line 1", catalog.LastReloadError);

        File.WriteAllText(harness.SourcesFile, Some.SourcesJson(Source("alpha"), Source("beta")));
        var taken = catalog.Reload();

        Assert.True(taken);
        Assert.Null(catalog.LastReloadError);
        Assert.Equal(2, catalog.Version);
        Assert.NotNull(catalog.Find("BETA"));
    }

    [Fact]
    public async Task Saving_the_file_reschedules_without_a_restart_and_a_broken_save_changes_nothing()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Source("alpha")));
        var service = harness.Services.GetRequiredService<SourceScheduleService>();
        var watcher = harness.Services.GetRequiredService<NewsFeedWorker.Sources.SourcesFileWatcher>();
        await service.StartAsync(CancellationToken.None);
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            harness.Catalog.Changed += _ => reloaded.TrySetResult();
            File.WriteAllText(harness.SourcesFile, Some.SourcesJson(Source("alpha", "0 0 4 * * ?"), Source("beta")));
            await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await WaitUntil(async () => (await harness.JobNames()).Count == 2);

            Assert.Equal(["alpha", "beta"], await harness.JobNames());
            Assert.Equal("0 0 4 * * ?", (await harness.TriggerOf("alpha"))!.CronExpressionString);

            File.WriteAllText(harness.SourcesFile, Some.SourcesJson(Source("alpha"), Source("beta"), Source("gamma", "not cron")));
            await WaitUntil(() => Task.FromResult(harness.Catalog.LastReloadError is not null));

            Assert.Contains("source \"gamma\", key \"schedule\"", harness.Catalog.LastReloadError);
            Assert.Equal(["alpha", "beta"], await harness.JobNames());
            Assert.Equal("0 0 4 * * ?", (await harness.TriggerOf("alpha"))!.CronExpressionString);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
            await service.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Polls a condition the file watcher makes true; fails (rather than hangs) after a generous limit.</summary>
    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The condition did not become true within 30 s.");
    }
}
