using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsFeedWorker.Drift;

namespace NewsFeedWorker.Diagnostics;

/// <summary>
/// Degraded (HTTP 200) while a source's configured selector has stopped matching or its list stopped giving links,
/// naming the source, field and selector; healthy again once the selector matches.
/// </summary>
/// <remarks>The monitor is taken as a sequence so a host without scheduling (a bare test host) still answers.</remarks>
public sealed class SourceDriftHealthCheck(IEnumerable<DriftMonitor> monitors) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var warnings = monitors.FirstOrDefault()?.Warnings ?? new Dictionary<string, IReadOnlyList<DriftWarning>>();
        var data = warnings.ToDictionary(w => w.Key, w => (object)w.Value.Select(d => new { field = d.Field, selector = d.Selector, message = d.Message, since = d.Since }).ToList());
        if (warnings.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Every configured selector matches as in the sources' healthy runs", data));
        }

        var lines = warnings.SelectMany(w => w.Value.Select(d => $"{w.Key}: {d.Message}"));
        return Task.FromResult(HealthCheckResult.Degraded($"Selectors drifted (the fields fall back to generic extraction): {string.Join("; ", lines)}", data: data));
    }
}
