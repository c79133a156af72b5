namespace NewsFeedWorker.Storage;

/// <summary>Settings of the "Storage" section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// For SQLite defaults to <c>Data Source={Worker:DataDirectory}/newsfeedworker.db</c>; required for PostgreSQL.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long after an article was first seen it is fetched again to pick up corrections.</summary>
    public TimeSpan RecheckWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Articles first seen longer ago than this are pruned (and remembered as tombstones).</summary>
    public TimeSpan RetentionMaxAge { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Each source keeps at most this many articles (the newest by first-seen time).</summary>
    public int RetentionMaxItemsPerSource { get; set; } = 2000;

    /// <summary>How long a pruned article's identity is remembered so that it is not published again as new.</summary>
    public TimeSpan TombstoneLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often the retention job prunes.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Largest Hamming distance (bits of 64) at which two fingerprints count as the same story; at most 3 (four 16-bit bands are indexed).</summary>
    public int NearDuplicateMaxDistance { get; set; } = 3;

    /// <summary>Only articles first seen within this window before a new one are compared with it.</summary>
    public TimeSpan NearDuplicateWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Texts shorter than this (normalized characters) get no fingerprint: too little to judge.</summary>
    public int NearDuplicateMinTextLength { get; set; } = 150;

    /// <summary>How long a SQLite writer waits for another writer's lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
