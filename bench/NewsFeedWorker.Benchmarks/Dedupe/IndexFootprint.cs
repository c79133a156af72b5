namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>Storage the near-duplicate index takes: the four band indexes, and the database as a whole.</summary>
internal sealed record IndexFootprint
{
    /// <summary>Null when the database cannot say (SQLite built without the dbstat table).</summary>
    public long? BandIndexBytes { get; init; }

    public required long DatabaseBytes { get; init; }

    public required string Method { get; init; }
}
