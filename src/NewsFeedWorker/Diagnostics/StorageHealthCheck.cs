using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Diagnostics;

/// <summary>
/// Readiness: the store answers a cheap query, its last write succeeded, and (SQLite) its file is still the one it
/// opened. Unhealthy (HTTP 503) otherwise, with the reason: a full disk or a deleted database still answers reads.
/// </summary>
/// <remarks>The store is taken as a sequence so a host without storage (a bare test host) still answers.</remarks>
public sealed class StorageHealthCheck(IEnumerable<IFeedStore> stores, IEnumerable<StorageFaults> faults) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (stores.FirstOrDefault() is not { } store)
        {
            return HealthCheckResult.Healthy("No store registered");
        }

        try
        {
            var version = await store.GetChangeVersionAsync(cancellationToken);
            var data = new Dictionary<string, object> { ["changeVersion"] = version };
            if (store is SqliteFeedStore sqlite && await sqlite.FileProblemAsync(cancellationToken) is { } fileProblem)
            {
                return HealthCheckResult.Unhealthy($"Storage: {fileProblem}", data: data);
            }

            if (faults.FirstOrDefault()?.Current is { } fault)
            {
                data["lastFailedWrite"] = fault.At;
                return HealthCheckResult.Unhealthy($"Storage writes failing since {fault.At:u}: {fault.Reason}", data: data);
            }

            return HealthCheckResult.Healthy("Storage reachable", data);
        }
        catch (Exception ex) when (StorageFaults.IsStorageFailure(ex) || ex is InvalidOperationException)
        {
            // An expected failure for this check: reported as the check's result, the exception message included.
            return HealthCheckResult.Unhealthy("Storage unreachable", ex);
        }
    }
}
