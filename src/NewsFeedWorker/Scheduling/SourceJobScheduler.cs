using Microsoft.Extensions.Options;
using NewsFeedWorker.Hosting;
using NewsFeedWorker.Sources;
using Quartz;

namespace NewsFeedWorker.Scheduling;

/// <summary>
/// Keeps one Quartz job per enabled source, with a cron trigger in the source's time zone.
/// Misfire policy: <see cref="CronTriggerMisfireInstruction.FireAndProceed"/>. A firing missed because the previous run
/// of the same source was still going (or the scheduler was busy) runs once as soon as it can, then the schedule resumes;
/// missed firings are never replayed one by one.
/// </summary>
public sealed partial class SourceJobScheduler(ISchedulerFactory schedulerFactory, IOptions<WorkerOptions> options, ILogger<SourceJobScheduler> logger) : IDisposable
{
    public const string Group = "sources";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public static JobKey JobKeyFor(string sourceId) => new(sourceId, Group);

    public static TriggerKey TriggerKeyFor(string sourceId) => new(sourceId, Group);

    public void Dispose() => _gate.Dispose();

    /// <summary>Adds, removes and re-times jobs so the scheduler matches <paramref name="sources"/>.</summary>
    public async Task<ScheduleChanges> SyncAsync(IReadOnlyList<SourceDefinition> sources, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await SyncCoreAsync(sources, cancellationToken);
        }
        finally
        {
            _gate.Release();
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
        switch (await scheduler.GetTrigger(trigger.Key, cancellationToken))
        {
            case null:
                var job = JobBuilder.Create<SourceJob>()
                    .WithIdentity(JobKeyFor(source.Id))
                    .WithDescription(source.Name)
                    .UsingJobData(SourceJob.SourceIdKey, source.Id)
                    .Build();
                var first = await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
                if (options.Value.RunOnStart)
                {
                    await scheduler.TriggerJob(job.Key, cancellationToken);
                }

                Log.Added(logger, source.Id, source.Schedule, source.TimeZone, InZone(first, trigger));
                return Change.Added;

            case ICronTrigger current when current.CronExpressionString != source.Schedule || current.TimeZone.Id != ((ICronTrigger)trigger).TimeZone.Id:
                var next = await scheduler.RescheduleJob(trigger.Key, trigger, cancellationToken);
                Log.Retimed(logger, source.Id, source.Schedule, source.TimeZone, InZone(next, trigger));
                return Change.Retimed;

            default:
                return Change.None;
        }
    }

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
    }

    private enum Change
    {
        None,
        Added,
        Retimed,
    }
}
