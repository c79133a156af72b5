using Microsoft.Extensions.Logging;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Scheduling.Clustering;
using Quartz;

namespace NewsFeedWorker.Tests.Scheduling;

public sealed class SourceJobSchedulerTests
{
    private static string Source(string id, string schedule, string timeZone = "Asia/Seoul", bool enabled = true) => $$"""
        "id": "{{id}}", "name": "{{id}}", "schedule": "{{schedule}}", "timeZone": "{{timeZone}}", "enabled": {{(enabled ? "true" : "false")}},
        "startUrls": ["http://127.0.0.1:9/{{id}}/"]
        """;

    [Fact]
    public async Task Each_enabled_source_gets_one_job_with_its_cron_in_its_time_zone()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(
            Source("alpha", "0 0 3 * * ?"),
            Source("beta", "0 30 * * * ?", "Europe/Berlin"),
            Source("gamma", "0 0 * * * ?", enabled: false)));

        var changes = await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);

        Assert.Equal(["alpha", "beta"], changes.Added.Order(StringComparer.Ordinal));
        Assert.Equal(["alpha", "beta"], await harness.JobNames());
        var alpha = (await harness.TriggerOf("alpha"))!;
        Assert.Equal("0 0 3 * * ?", alpha.CronExpressionString);
        Assert.Equal("Asia/Seoul", alpha.TimeZone.Id);
        Assert.Equal("Europe/Berlin", (await harness.TriggerOf("beta"))!.TimeZone.Id);
    }

    [Fact]
    public async Task The_cron_is_read_in_the_source_time_zone()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Source("alpha", "0 0 3 * * ?")));
        await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);

        var trigger = (await harness.TriggerOf("alpha"))!;

        // 03:00 in Seoul (UTC+9, no daylight saving) is 18:00 UTC the day before, whatever today is.
        var next = trigger.GetFireTimeAfter(trigger.StartTimeUtc)!.Value.ToUniversalTime();
        Assert.Equal((18, 0, 0), (next.Hour, next.Minute, next.Second));
    }

    [Fact]
    public async Task Jobs_never_run_twice_at_once_and_missed_firings_run_once_then_the_schedule_resumes()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Source("alpha", "0 0 3 * * ?")));
        await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);
        var scheduler = await harness.SchedulerAsync();

        var job = (await scheduler.GetJobDetail(new JobKey("alpha", "sources")))!;
        var trigger = (await harness.TriggerOf("alpha"))!;

        Assert.True(job.ConcurrentExecutionDisallowed);
        Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, trigger.MisfireInstruction);
    }

    [Fact]
    public async Task A_reload_adds_removes_and_retimes_jobs()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(
            Source("alpha", "0 0 3 * * ?"), Source("beta", "0 0 4 * * ?"), Source("gamma", "0 0 5 * * ?")));
        await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);

        File.WriteAllText(harness.SourcesFile, Some.SourcesJson(
            Source("beta", "0 15 4 * * ?"),
            Source("gamma", "0 0 5 * * ?", enabled: false),
            Source("delta", "0 0 6 * * ?", "Asia/Tokyo")));
        Assert.True(harness.Catalog.Reload());
        var changes = await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);

        Assert.Equal(["delta"], changes.Added);
        Assert.Equal(["alpha", "gamma"], changes.Removed.Order(StringComparer.Ordinal));
        Assert.Equal(["beta"], changes.Retimed);
        Assert.Equal(["beta", "delta"], await harness.JobNames());
        Assert.Equal("0 15 4 * * ?", (await harness.TriggerOf("beta"))!.CronExpressionString);
        Assert.Equal("Asia/Tokyo", (await harness.TriggerOf("delta"))!.TimeZone.Id);
    }

    [Fact]
    public async Task A_reload_that_only_moves_a_source_to_another_time_zone_retimes_it()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Source("alpha", "0 0 3 * * ?")));
        await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);

        File.WriteAllText(harness.SourcesFile, Some.SourcesJson(Source("alpha", "0 0 3 * * ?", "UTC")));
        harness.Catalog.Reload();
        var changes = await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);

        Assert.Equal(["alpha"], changes.Retimed);
        Assert.Equal("UTC", (await harness.TriggerOf("alpha"))!.TimeZone.Id);
    }

    [Fact]
    public async Task An_unchanged_file_changes_no_job()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Source("alpha", "0 0 3 * * ?")));
        await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);

        harness.Catalog.Reload();
        var changes = await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public async Task Jobs_ask_for_recovery_and_record_the_definition_they_were_scheduled_from()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Source("alpha", "0 0 3 * * ?")));
        await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);
        var scheduler = await harness.SchedulerAsync();

        var job = (await scheduler.GetJobDetail(SourceJobScheduler.JobKeyFor("alpha")))!;

        Assert.True(job.RequestsRecovery);
        Assert.Equal(SourceFingerprint.Of(harness.Catalog.Find("alpha")!), job.JobDataMap.GetString(SourceJobScheduler.FingerprintKey));
        Assert.Equal(scheduler.SchedulerInstanceId, job.JobDataMap.GetString(SourceJobScheduler.DefinedByKey));
    }

    [Fact]
    public async Task A_source_another_node_defined_differently_is_reported_and_this_nodes_definition_applies()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Source("alpha", "0 0 3 * * ?")));
        await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);
        var scheduler = await harness.SchedulerAsync();
        await OverwriteJobDataAsync(scheduler, "alpha", fingerprint: "0123456789abcdef", definedBy: "other-node-1-abc");

        var changes = await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);

        var warning = Assert.Single(harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("Source alpha: node other-node-1-abc scheduled it from a different definition", warning.Message);
        var job = (await scheduler.GetJobDetail(SourceJobScheduler.JobKeyFor("alpha")))!;
        Assert.Equal(SourceFingerprint.Of(harness.Catalog.Find("alpha")!), job.JobDataMap.GetString(SourceJobScheduler.FingerprintKey));
        Assert.Equal(scheduler.SchedulerInstanceId, job.JobDataMap.GetString(SourceJobScheduler.DefinedByKey));
        Assert.Empty(changes.Added);
        Assert.NotNull(await harness.TriggerOf("alpha"));
    }

    [Fact]
    public async Task A_source_another_node_defined_the_same_way_is_left_alone_without_a_warning()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Source("alpha", "0 0 3 * * ?")));
        await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);
        var scheduler = await harness.SchedulerAsync();
        await OverwriteJobDataAsync(scheduler, "alpha", SourceFingerprint.Of(harness.Catalog.Find("alpha")!), definedBy: "other-node-1-abc");

        var changes = await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);

        Assert.True(changes.IsEmpty);
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Equal("other-node-1-abc", (await scheduler.GetJobDetail(SourceJobScheduler.JobKeyFor("alpha")))!.JobDataMap.GetString(SourceJobScheduler.DefinedByKey));
    }

    [Fact]
    public async Task This_nodes_own_edit_of_a_source_updates_its_job_without_a_disagreement_warning()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Source("alpha", "0 0 3 * * ?")));
        await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);

        File.WriteAllText(harness.SourcesFile, Some.SourcesJson(Source("alpha", "0 0 3 * * ?").Replace("\"name\": \"alpha\"", "\"name\": \"Alpha renamed\"", StringComparison.Ordinal)));
        harness.Catalog.Reload();
        await harness.JobScheduler.SyncAsync(harness.Catalog.Sources, CancellationToken.None);

        var job = (await (await harness.SchedulerAsync()).GetJobDetail(SourceJobScheduler.JobKeyFor("alpha")))!;
        Assert.Equal("Alpha renamed", harness.Catalog.Find("alpha")!.Name);
        Assert.Equal(SourceFingerprint.Of(harness.Catalog.Find("alpha")!), job.JobDataMap.GetString(SourceJobScheduler.FingerprintKey));
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
    }

    /// <summary>What a second node sharing the store would leave behind: the same job, written from its own file.</summary>
    private static async Task OverwriteJobDataAsync(IScheduler scheduler, string sourceId, string fingerprint, string definedBy)
    {
        var job = (await scheduler.GetJobDetail(SourceJobScheduler.JobKeyFor(sourceId)))!.GetJobBuilder()
            .UsingJobData(SourceJobScheduler.FingerprintKey, fingerprint)
            .UsingJobData(SourceJobScheduler.DefinedByKey, definedBy)
            .Build();
        await scheduler.AddJob(job, AddJobOptions.ReplacingAndStoringNonDurable);
    }
}
