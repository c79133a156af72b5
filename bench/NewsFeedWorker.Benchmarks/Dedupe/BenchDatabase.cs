using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>A database a store benchmark runs against: a SQLite file or a throwaway PostgreSQL database.</summary>
internal abstract class BenchDatabase : IAsyncDisposable
{
    public abstract string Name { get; }

    public abstract StorageOptions Options { get; }

    public abstract RelationalFeedStore CreateStore(StorageOptions options);

    /// <summary>Rows already stored (a reused SQLite file may hold the fingerprints from an earlier run).</summary>
    public abstract Task<long> CountArticlesAsync(CancellationToken cancellationToken);

    public abstract Task LoadFingerprintsAsync(StoredFingerprints fingerprints, CancellationToken cancellationToken);

    /// <summary>Sets the query planner's statistics for the lookups; returns what the planner has, for the report.</summary>
    public abstract Task<string> PreparePlannerAsync(bool analyze, CancellationToken cancellationToken);

    /// <summary>Bytes the four band indexes take, and the whole database.</summary>
    public abstract Task<IndexFootprint> MeasureAsync(CancellationToken cancellationToken);

    /// <summary>Removes the rows a benchmark saved through the store, so a kept database can be reused.</summary>
    public abstract Task DeleteSavedAsync(string sourceIdPrefix, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
