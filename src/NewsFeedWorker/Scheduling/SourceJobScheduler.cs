using Microsoft.Extensions.Options;
using NewsFeedWorker.Scheduling.Clustering;
using NewsFeedWorker.Sources;
using Quartz;

namespace NewsFeedWorker.Scheduling;

/// <summary>
/// Keeps one Quartz job per enabled source, with a cron trigger in the source's time zone.
/// Misfire policy: <see cref="CronTriggerMisfireInstruction.FireAndProceed"/>. A firing missed because the previous run
/// of the same source was still going (or the scheduler was busy) runs once as soon as it can, then the schedule resumes;
/// missed firings are never replayed one by one.
/// With a clustered store the schedule is shared: each node reconciles it with its own sources file under a cluster-wide
/// lock, and the job data records which node last defined each source and a fingerprint of the definition, so a node
/// whose file says something else about a source logs a warning.
/// </summary>
public sealed partial class SourceJobScheduler(
    ISchedulerFactory schedulerFactory,
    ScheduleLock scheduleLock,
    IOptions<SchedulerOptions> options,
    ILogger<SourceJobScheduler> logger) : IDisposable
{
    public const string Group = "sources";

    /// <summary>Job data key of <see cref="SourceFingerprint"/> of the definition the job was scheduled from.</summary>
    public const string FingerprintKey = "SourceFingerprint";

    /// <summary>Job data key of the instance id of the node that last wrote the job.</summary>
    public const string DefinedByKey = "DefinedBy";

    private readonly SemaphoreSlim gate = new(1, 1);

    public static JobKey JobKeyFor(string sourceId) => new(sourceId, Group);

    public static TriggerKey TriggerKeyFor(string sourceId) => new(sourceId, Group);

    public void Dispose() => gate.Dispose();

    /// <summary>Adds, removes and re-times jobs so the scheduler matches <paramref name="sources"/>.</summary>
    public async Task<ScheduleChanges> SyncAsync(IReadOnlyList<SourceDefinition> sources, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var clusterLock = await scheduleLock.AcquireAsync(cancellationToken);
            return await SyncCoreAsync(sources, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ScheduleChanges> SyncCoreAsync(IReadOnlyList<SourceDefinition> sources, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var wanted = sources.Where(s => s.Enabled).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var existing = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken);

        var removed = new List<string>();
        foreach (var key in existing.Where(k => !wanted.ContainsKey(k.Name)))
        {
            await scheduler.DeleteJob(key, cancellationToken);
            removed.Add(key.Name);
            Log.Removed(logger, key.Name);
        }

        var added = new List<string>();
        var retimed = new List<string>();
        foreach (var source in wanted.Values)
        {
            try
            {
                switch (await ScheduleAsync(scheduler, source, cancellationToken))
                {
                    case Change.Added:
                        added.Add(source.Id);
                        break;
                    case Change.Retimed:
                        retimed.Add(source.Id);
                        break;
                    default:
                        break;
                }
            }
            catch (SchedulerException ex)
            {
                // One source Quartz refuses must not keep the others from being scheduled.
                Log.ScheduleFailed(logger, ex, source.Id, source.Schedule);
            }
        }

        return new ScheduleChanges(added, removed, retimed);
    }

    private async Task<Change> ScheduleAsync(IScheduler scheduler, SourceDefinition source, CancellationToken cancellationToken)
    {
        var trigger = BuildTrigger(source);
        var job = BuildJob(source, scheduler.SchedulerInstanceId);
        switch (await scheduler.GetTrigger(trigger.Key, cancellationToken))
        {
            case null:
                try
                {
                    var first = await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
                    if (options.Value.RunOnStart)
                    {
                        await scheduler.TriggerJob(job.Key, cancellationToken);
                    }

                    Log.Added(logger, source.Id, source.Schedule, source.TimeZone, InZone(first, trigger));
                    return Change.Added;
                }
                catch (ObjectAlreadyExistsException)
                {
                    // Another node of the cluster scheduled it in the meantime (only possible without the schedule lock).
                    return Change.None;
                }

            case var current:
                var changed = await UpdateDefinitionAsync(scheduler, job, source, cancellationToken);
                if (current is ICronTrigger cron && (cron.CronExpressionString != source.Schedule || cron.TimeZone.Id != ((ICronTrigger)trigger).TimeZone.Id))
                {
                    var next = await scheduler.RescheduleJob(trigger.Key, trigger, cancellationToken);
                    Log.Retimed(logger, source.Id, source.Schedule, source.TimeZone, InZone(next, trigger));
                    return Change.Retimed;
                }

                return changed ? Change.Redefined : Change.None;
        }
    }

    /// <summary>
    /// Rewrites the job's data when the definition changed; a job last written by another node with another definition
    /// means the nodes' sources files disagree. This node's file wins until the other node reconciles again.
    /// </summary>
    private async Task<bool> UpdateDefinitionAsync(IScheduler scheduler, IJobDetail job, SourceDefinition source, CancellationToken cancellationToken)
    {
        var stored = await scheduler.GetJobDetail(job.Key, cancellationToken);
        var storedFingerprint = stored?.JobDataMap.GetString(FingerprintKey);
        var ours = job.JobDataMap.GetString(FingerprintKey);
        if (stored is not null && storedFingerprint == ours && stored.RequestsRecovery)
        {
            return false;
        }

        var definedBy = stored?.JobDataMap.GetString(DefinedByKey);
        if (storedFingerprint is not null && definedBy is not null && definedBy != scheduler.SchedulerInstanceId)
        {
            Log.NodesDisagree(logger, source.Id, definedBy, scheduler.SchedulerInstanceId);
        }

        // Replacing keeps the job's triggers; the job is not durable, so it needs the "awaiting scheduling" flag.
        await scheduler.AddJob(job, AddJobOptions.ReplacingAndStoringNonDurable, cancellationToken);
        return true;
    }

    private static IJobDetail BuildJob(SourceDefinition source, string instanceId) =>
        JobBuilder.Create<SourceJob>()
            .WithIdentity(JobKeyFor(source.Id))
            .WithDescription(source.Name)
            // A node that dies mid-cycle has the cycle started again on another node of the cluster.
            .RequestRecovery()
            .UsingJobData(SourceJob.SourceIdKey, source.Id)
            .UsingJobData(FingerprintKey, SourceFingerprint.Of(source))
            .UsingJobData(DefinedByKey, instanceId)
            .Build();

    /// <summary>Fire times read best in the zone the operator wrote the schedule for.</summary>
    private static DateTimeOffset? InZone(DateTimeOffset? time, ITrigger trigger) =>
        time is { } t ? TimeZoneInfo.ConvertTime(t, ((ICronTrigger)trigger).TimeZone) : null;

    private static ITrigger BuildTrigger(SourceDefinition source) =>
        TriggerBuilder.Create()
            .WithIdentity(TriggerKeyFor(source.Id))
            .ForJob(JobKeyFor(source.Id))
            .WithCronSchedule(source.Schedule, cron => cron
                .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(source.TimeZone))
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Source {SourceId} scheduled: {Schedule} in {TimeZone}, first run {NextRun:yyyy-MM-dd HH:mm:ss zzz}")]
        public static partial void Added(ILogger logger, string sourceId, string schedule, string timeZone, DateTimeOffset? nextRun);

        [LoggerMessage(2, LogLevel.Information, "Source {SourceId} re-timed: {Schedule} in {TimeZone}, next run {NextRun:yyyy-MM-dd HH:mm:ss zzz}")]
        public static partial void Retimed(ILogger logger, string sourceId, string schedule, string timeZone, DateTimeOffset? nextRun);

        [LoggerMessage(3, LogLevel.Information, "Source {SourceId} unscheduled (removed or disabled)")]
        public static partial void Removed(ILogger logger, string sourceId);

        [LoggerMessage(4, LogLevel.Error, "Source {SourceId} could not be scheduled with {Schedule}; it does not run until the sources file is fixed")]
        public static partial void ScheduleFailed(ILogger logger, Exception exception, string sourceId, string schedule);

        [LoggerMessage(5, LogLevel.Warning, "Source {SourceId}: node {OtherNode} scheduled it from a different definition than this node's sources file; this node's definition now applies. Give every node of the cluster the same sources file (node {Node})")]
        public static partial void NodesDisagree(ILogger logger, string sourceId, string otherNode, string node);
    }

    private enum Change
    {
        None,
        Added,
        Retimed,
        Redefined,
    }
}
