using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Diagnostics;

/// <summary>
/// How each enabled source's runs have gone, from the statuses the cycles record. Degraded (still HTTP 200) while a
/// source has failed <see cref="DiagnosticsOptions.DegradedAfterFailures"/> runs in a row: worth a look, not a reason
/// to restart the worker.
/// </summary>
/// <remarks>The store is taken as a sequence so a host without storage (a bare test host) still answers.</remarks>
public sealed class SourceRunsHealthCheck(SourceCatalog catalog, IEnumerable<IFeedStore> stores, IOptions<DiagnosticsOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (stores.FirstOrDefault() is not { } store)
        {
            return HealthCheckResult.Healthy("No store registered: run statuses are not recorded");
        }

        var failingAfter = options.Value.DegradedAfterFailures;
        var statuses = (await store.GetSourceStatusesAsync(cancellationToken)).ToDictionary(s => s.SourceId, StringComparer.Ordinal);
        var data = new Dictionary<string, object>();
        var failing = new List<string>();
        foreach (var source in catalog.Sources.Where(s => s.Enabled))
        {
            var status = statuses.GetValueOrDefault(source.Id);
            data[source.Id] = new
            {
                lastRun = status?.LastRun,
                lastSuccess = status?.LastSuccess,
                lastErrorAt = status?.LastErrorAt,
                lastError = status?.LastError,
                consecutiveFailures = status?.ConsecutiveFailures ?? 0,
                failedPages = status?.FailedPages ?? 0,
                articlesLast24h = status?.ArticlesLast24h ?? 0,
                totalArticles = status?.TotalArticles ?? 0,
            };
            if (status?.ConsecutiveFailures >= failingAfter)
            {
                failing.Add(source.Id);
            }
        }

        return failing.Count == 0
            ? HealthCheckResult.Healthy("No source is failing", data)
            : HealthCheckResult.Degraded($"Failing {failingAfter}+ runs in a row: {string.Join(", ", failing)}", data: data);
    }
}
