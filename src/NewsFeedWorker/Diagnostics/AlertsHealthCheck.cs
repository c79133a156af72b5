using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Diagnostics;

/// <summary>Degraded while an alert target has failed deliveries waiting for another try, naming the targets.</summary>
public sealed class AlertsHealthCheck(IAlertLedger ledger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failing = await ledger.GetFailingAlertTargetsAsync(cancellationToken);
        var data = failing.ToDictionary(f => f.Target, f => (object)new Dictionary<string, object?>
        {
            ["pending"] = f.Pending,
            ["attempts"] = f.Attempts,
            ["lastError"] = f.LastError,
            ["lastErrorAt"] = f.LastErrorAt?.ToString("O", CultureInfo.InvariantCulture),
        });
        return failing.Count == 0
            ? HealthCheckResult.Healthy("No alert target is failing")
            : HealthCheckResult.Degraded($"Alert targets failing: {string.Join(", ", failing.Select(f => $"{f.Target} ({f.LastError})"))}", data: data);
    }
}
