namespace NewsFeedWorker.Benchmarks.Extraction;

/// <summary>How long the throughput run warms up and measures.</summary>
internal sealed record ThroughputSettings
{
    /// <summary>Warm-up rounds run until this much time is spent (tiered JIT needs ~1–2 s to reach optimised code).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Measured rounds run until parse and extract together took at least this long.</summary>
    public TimeSpan MinMeasured { get; init; } = TimeSpan.FromSeconds(10);

    public int MinRounds { get; init; } = 3;

    public bool IsSmoke { get; init; }

    /// <summary>A few iterations only: proves the harness works (CI), measures nothing worth quoting.</summary>
    public static ThroughputSettings Smoke { get; } = new()
    {
        Warmup = TimeSpan.Zero,
        MinMeasured = TimeSpan.Zero,
        MinRounds = 2,
        IsSmoke = true,
    };
}
