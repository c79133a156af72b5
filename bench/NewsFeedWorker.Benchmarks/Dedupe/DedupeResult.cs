namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>Near-duplicate lookup at scale on one backend.</summary>
internal sealed record DedupeResult
{
    public required string Backend { get; init; }
    public required int Fingerprints { get; init; }

    /// <summary>What the query planner knew: SQLite has no statistics unless --analyze (the store never runs ANALYZE).</summary>
    public required string PlannerStatistics { get; init; }

    /// <summary>Seconds the fill took; null when a kept database already held the fingerprints.</summary>
    public double? FillSeconds { get; init; }

    /// <summary>The store's own lookup query (FindNearDuplicateAsync), one call per fingerprint, single caller.</summary>
    public required LatencyStats Lookup { get; init; }
    public required int PlantedNearDuplicates { get; init; }
    public required int PlantedFound { get; init; }
    public required int RandomQueries { get; init; }

    /// <summary>Random queries linked to a stored row (expected 0: a random 64-bit value is within 3 bits of none).</summary>
    public required int RandomLinked { get; init; }

    /// <summary>Full SaveArticleAsync of new articles (canonicalize, fingerprint, tombstone check, lookup, insert, commit).</summary>
    public required LatencyStats Save { get; init; }
    public required int SavedNew { get; init; }
    public required IndexFootprint Index { get; init; }

    /// <summary>This process after the lookups; SQLite's page cache lives here, PostgreSQL's in the server.</summary>
    public required long ProcessWorkingSetBytes { get; init; }
    public required long ManagedHeapBytes { get; init; }
}
