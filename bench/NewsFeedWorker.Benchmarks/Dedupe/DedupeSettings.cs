namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>Sizes of a near-duplicate benchmark run.</summary>
internal sealed record DedupeSettings
{
    public int Fingerprints { get; init; } = 1_000_000;

    public int Lookups { get; init; } = 20_000;

    /// <summary>Every n-th lookup is a planted near-duplicate (the rest are random misses).</summary>
    public int HitEvery { get; init; } = 10;

    /// <summary>Full <c>SaveArticleAsync</c> calls of new articles timed against the filled store.</summary>
    public int Saves { get; init; } = 2_000;

    /// <summary>Run ANALYZE on SQLite before the lookups: shows what statistics would change (the store never runs it).</summary>
    public bool Analyze { get; init; }

    /// <summary>Lookups and saves each stop after this long (at least 100 samples): a full scan per lookup must not take hours.</summary>
    public TimeSpan PhaseBudget { get; init; } = TimeSpan.FromSeconds(60);

    public bool IsSmoke { get; init; }

    public static DedupeSettings Smoke { get; } = new() { Fingerprints = 2_000, Lookups = 200, Saves = 20, IsSmoke = true };
}
