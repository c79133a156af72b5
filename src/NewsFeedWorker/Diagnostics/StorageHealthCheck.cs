using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Diagnostics;

/// <summary>Readiness: the store answers a cheap query. Unhealthy (HTTP 503) when it cannot be reached.</summary>
/// <remarks>The store is taken as a sequence so a host without storage (a bare test host) still answers.</remarks>
public sealed class StorageHealthCheck(IEnumerable<IFeedStore> stores) : IHealthCheck
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
            return HealthCheckResult.Healthy("Storage reachable", new Dictionary<string, object> { ["changeVersion"] = version });
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException or TimeoutException)
        {
            // An expected failure for this check: reported as the check's result, the exception message included.
            return HealthCheckResult.Unhealthy("Storage unreachable", ex);
        }
    }
}
