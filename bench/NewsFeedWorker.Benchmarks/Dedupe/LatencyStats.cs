namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>Percentiles of a set of measured latencies, in milliseconds.</summary>
internal sealed record LatencyStats
{
    public required int Count { get; init; }
    public required double MeanMs { get; init; }
    public required double P50Ms { get; init; }
    public required double P90Ms { get; init; }
    public required double P99Ms { get; init; }
    public required double MaxMs { get; init; }

    public static LatencyStats From(List<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            throw new ArgumentException("No latencies measured.", nameof(milliseconds));
        }

        var sorted = milliseconds.Order().ToArray();
        return new LatencyStats
        {
            Count = sorted.Length,
            MeanMs = sorted.Average(),
            P50Ms = Percentile(sorted, 0.50),
            P90Ms = Percentile(sorted, 0.90),
            P99Ms = Percentile(sorted, 0.99),
            MaxMs = sorted[^1],
        };
    }

    // Nearest rank: the smallest value with at least p of the samples at or below it.
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
