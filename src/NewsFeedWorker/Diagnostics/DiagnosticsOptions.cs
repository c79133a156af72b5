using System.ComponentModel.DataAnnotations;

namespace NewsFeedWorker.Diagnostics;

/// <summary>The <c>Diagnostics</c> settings section: when /health calls a source failing, and where metrics are served.</summary>
public sealed class DiagnosticsOptions
{
    public const string Section = "Diagnostics";

    /// <summary>Failed runs in a row after which a source turns /health "Degraded" (still HTTP 200).</summary>
    [Range(1, 1000)]
    public int DegradedAfterFailures { get; set; } = 3;

    /// <summary>Serve Prometheus metrics at <c>/metrics</c>.</summary>
    public bool MetricsEnabled { get; set; } = true;
}
