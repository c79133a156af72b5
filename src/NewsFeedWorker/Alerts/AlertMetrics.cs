using System.Diagnostics.Metrics;

namespace NewsFeedWorker.Alerts;

/// <summary>The "NewsFeedWorker.Alerts" meter: alerts by topic, target kind and result, and the targets now failing.</summary>
public sealed class AlertMetrics
{
    public const string MeterName = "NewsFeedWorker.Alerts";

    private readonly Counter<long> alerts;
    private volatile int failingTargets;

    public AlertMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        alerts = meter.CreateCounter<long>("newsfeedworker.alerts", "{alert}", "Alert deliveries by result (sent, failed)");
        meter.CreateObservableGauge("newsfeedworker.alert_targets.failing", () => failingTargets, "{target}", "Alert targets with failed deliveries waiting for another try");
    }

    public void Record(string topicId, string targetKind, string result) =>
        alerts.Add(1, new KeyValuePair<string, object?>("topic", topicId), new KeyValuePair<string, object?>("target_kind", targetKind),
            new KeyValuePair<string, object?>("result", result));

    public void SetFailingTargets(int count) => failingTargets = count;
}
