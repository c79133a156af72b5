using Microsoft.Extensions.Logging;
using NewsFeedWorker.Scheduling;
using Quartz;

namespace NewsFeedWorker.Tests.Scheduling;

public sealed class SourceJobTests
{
    private static string Source(string id) => $$"""
        "id": "{{id}}", "name": "{{id}}", "schedule": "0 0 3 * * ?", "startUrls": ["http://127.0.0.1:9/{{id}}/"]
        """;

    [Fact]
    public async Task A_throwing_job_is_logged_with_its_source_id_and_another_source_keeps_running()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Source("broken"), Source("healthy")), runOnStart: true);
        harness.Cycle.Throwing.Add("broken");
        var scheduler = await harness.SchedulerAsync();
        await scheduler.Start();

        // Run-on-start fires each source once; then both are fired by hand twice more.
        await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);
        await harness.Cycle.WaitForRuns("broken", 1).WaitAsync(TimeSpan.FromSeconds(30));
        await harness.Cycle.WaitForRuns("healthy", 1).WaitAsync(TimeSpan.FromSeconds(30));
        for (var round = 2; round <= 3; round++)
        {
            await scheduler.TriggerJob(SourceJobScheduler.JobKeyFor("broken"), CancellationToken.None);
            await harness.Cycle.WaitForRuns("broken", round).WaitAsync(TimeSpan.FromSeconds(30));
            await scheduler.TriggerJob(SourceJobScheduler.JobKeyFor("healthy"), CancellationToken.None);
            await harness.Cycle.WaitForRuns("healthy", round).WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(3, harness.Cycle.Runs("healthy"));
        Assert.Equal(SchedulerStatus.Running, await scheduler.GetStatus());
        var failures = harness.Logs.GetSnapshot()
            .Where(r => r.Category == typeof(SourceJob).FullName && r.Level == LogLevel.Error)
            .ToList();
        Assert.Equal(3, failures.Count);
        Assert.All(failures, f =>
        {
            Assert.Contains(f.StructuredState!, p => p.Key == "SourceId" && p.Value == "broken");
            Assert.Equal("boom in broken", f.Exception!.Message);
        });
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains("healthy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shutdown_cancels_a_running_cycle_and_waits_for_it()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Source("slow")), runOnStart: true);
        harness.Cycle.Blocking.Add("slow");
        var scheduler = await harness.SchedulerAsync();
        await scheduler.Start();
        await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);
        await harness.Cycle.BlockedRunStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await scheduler.Shutdown(waitForJobsToComplete: true).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(harness.Cycle.BlockedRunSawCancellation.Task.IsCompleted);
        Assert.True(await harness.Cycle.BlockedRunSawCancellation.Task);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Message.Contains("Source slow: cycle cancelled", StringComparison.Ordinal));
    }
}
