using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Diagnostics;

/// <summary>Healthy while the sources file in force is the one on disk; degraded when the last edit was rejected.</summary>
public sealed class SourcesHealthCheck(SourceCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["file"] = catalog.FilePath,
            ["sources"] = catalog.Sources.Count,
            ["enabled"] = catalog.Sources.Count(s => s.Enabled),
            ["version"] = catalog.Version,
        };

        return Task.FromResult(catalog.LastReloadError is { } error
            ? HealthCheckResult.Degraded($"The last edit of the sources file was rejected; the previous sources stay in force. {error}", data: data)
            : HealthCheckResult.Healthy($"{catalog.Sources.Count} sources loaded", data));
    }
}
