using Quartz;

namespace NewsFeedWorker.Scheduling;

/// <summary>Feeds job durations and misfires of the source jobs into <see cref="SchedulingMetrics"/>.</summary>
public sealed class JobMetricsListener(SchedulingMetrics metrics) : IJobListener, ITriggerListener
{
    public string Name => "metrics";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (context.JobDetail.Key.Group == SourceJobScheduler.Group)
        {
            // SourceJob catches everything at its boundary and leaves the exception in Result; cancellation is noted too.
            var result = context.Result is Exception || jobException is not null ? "failed"
                : context.CancellationToken.IsCancellationRequested ? "cancelled"
                : "ok";
            metrics.JobRan(context.JobDetail.Key.Name, result, context.JobRunTime);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask TriggerMisfired(ITrigger trigger, CancellationToken cancellationToken = default)
    {
        if (trigger.JobKey.Group == SourceJobScheduler.Group)
        {
            metrics.Misfired(trigger.JobKey.Name);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
