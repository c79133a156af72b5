using Quartz;

namespace NewsFeedWorker.Scheduling;

/// <summary>Feeds job durations, misfires and skipped firings of the source jobs into <see cref="SchedulingMetrics"/>.</summary>
/// <remarks>Every other listener member keeps Quartz's default (no-op) implementation.</remarks>
public sealed class JobMetricsListener(SchedulingMetrics metrics) : IJobListener, ITriggerListener
{
    public string Name => "metrics";

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (context.JobDetail.Key.Group == SourceJobScheduler.Group)
        {
            // SourceJob catches everything at its boundary and leaves the exception in Result.
            var result = context.Result is Exception || jobException is not null ? "failed"
                : context.CancellationToken.IsCancellationRequested ? "cancelled"
                : "ok";
            metrics.JobRan(context.JobDetail.Key.Name, result, context.JobRunTime);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        if (trigger.JobKey.Group == SourceJobScheduler.Group)
        {
            metrics.Misfired(trigger.JobKey.Name, "misfired");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        if (trigger.JobKey.Group == SourceJobScheduler.Group)
        {
            metrics.Misfired(trigger.JobKey.Name, "skipped");
        }

        return ValueTask.CompletedTask;
    }
}
