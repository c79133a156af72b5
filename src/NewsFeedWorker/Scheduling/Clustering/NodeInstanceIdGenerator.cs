using Quartz.Extensibility;

namespace NewsFeedWorker.Scheduling.Clustering;

/// <summary>
/// Quartz's "AUTO" instance id, made readable: host name and process id (what an operator looks for in the job history
/// and in <c>qrtz_scheduler_state</c>), plus a random suffix so a restarted process never reuses a dead node's id.
/// </summary>
public sealed class NodeInstanceIdGenerator : IInstanceIdGenerator
{
    public ValueTask<string> GenerateInstanceId(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>The process id inside an id made by this generator, or null for any other id.</summary>
    public static int? ProcessIdOf(string instanceId)
    {
        var parts = instanceId.Split('-');
        return parts.Length >= 3 && int.TryParse(parts[^2], out var pid) ? pid : null;
    }
}
