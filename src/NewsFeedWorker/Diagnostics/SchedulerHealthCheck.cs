using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsFeedWorker.Scheduling;
using Quartz;

namespace NewsFeedWorker.Diagnostics;

/// <summary>Healthy while Quartz runs; reports each source job's next fire time.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulerFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        if (status is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown)
        {
            return HealthCheckResult.Unhealthy("The scheduler has shut down.");
        }

        var data = new Dictionary<string, object>();
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(SourceJobScheduler.Group), cancellationToken))
        {
            var trigger = await scheduler.GetTrigger(SourceJobScheduler.TriggerKeyFor(key.Name), cancellationToken);
            data[key.Name] = trigger?.NextFireTimeUtc?.ToString("O") ?? "none";
        }

        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy($"{data.Count} source jobs scheduled", data)
            : HealthCheckResult.Degraded("The scheduler has not started yet.", data: data);
    }
}
