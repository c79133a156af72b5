using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Storage;

/// <summary>Where articles, weather, fetch state and source status live; SQLite and PostgreSQL implement it alike.</summary>
public interface IFeedStore
{
    /// <summary>Creates or upgrades the schema; safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Inserts a new article, updates a changed one in place (same id), or does nothing; one transaction.</summary>
    Task<ArticleSaveResult> SaveArticleAsync(string sourceId, Article article, DateTimeOffset seenAt, CancellationToken cancellationToken);

    /// <summary>Stores a snapshot unless its readings equal the last one for the same source and date.</summary>
    Task<bool> SaveWeatherAsync(string sourceId, WeatherSnapshot snapshot, DateTimeOffset seenAt, CancellationToken cancellationToken);

    /// <summary>
    /// True for a URL never seen, or seen less than <paramref name="recheckWindow"/> ago and due on the
    /// <see cref="RecheckSchedule"/> (by when its link was last fetched); false once past the window or pruned.
    /// The URL is canonicalized; a link whose page was stored under another (rel=canonical) URL is judged by when it
    /// was first fetched (<see cref="SaveFetchStateAsync"/>).
    /// </summary>
    Task<bool> ShouldFetchArticleAsync(string sourceId, Uri url, DateTimeOffset now, TimeSpan recheckWindow, CancellationToken cancellationToken);

    Task<FetchValidators> GetValidatorsAsync(Uri url, CancellationToken cancellationToken);

    Task SaveFetchStateAsync(Uri url, FetchValidators validators, int? status, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A list page's fetch state together with the article links and next page it held.</summary>
    Task SaveListPageAsync(Uri url, FetchValidators validators, int status, DateTimeOffset at, ListPageLinks links, CancellationToken cancellationToken);

    /// <summary>What the list page held when <see cref="SaveListPageAsync"/> last saved it; null if never.</summary>
    Task<ListPageLinks?> GetListPageLinksAsync(Uri url, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredArticle>> GetArticlesAsync(ArticleQuery query, CancellationToken cancellationToken);

    /// <summary>The article and its previous versions (oldest first); null for an unknown (or pruned) id.</summary>
    Task<ArticleHistory?> GetArticleHistoryAsync(string id, CancellationToken cancellationToken);

    /// <summary>Material corrections, newest first, of one source or (null) of all; each with the version before and after it.</summary>
    Task<IReadOnlyList<ArticleCorrection>> GetCorrectionsAsync(string? sourceId, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredWeather>> GetWeatherAsync(string? sourceId, int limit, CancellationToken cancellationToken);

    /// <summary>A number that grows with every write that changes what a feed shows (feed caches compare it).</summary>
    Task<long> GetChangeVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Per source, the change version (<see cref="GetChangeVersionAsync"/>) of the last write that changed what one of its
    /// feeds shows: its articles, its weather, a near-duplicate copy linked to one of its articles, or a prune. A source
    /// never written to is absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> GetSourceChangeVersionsAsync(CancellationToken cancellationToken);

    Task SaveSourceStatusAsync(SourceStatus status, CancellationToken cancellationToken);

    /// <summary>
    /// Records one run of a source: any failed page makes it a failed run (last error, one more consecutive failure),
    /// none a success (consecutive failures back to 0); what the run did not change is kept.
    /// </summary>
    Task RecordRunAsync(string sourceId, DateTimeOffset startedAt, int failedPages, string? lastError, CancellationToken cancellationToken);

    Task<IReadOnlyList<SourceStatus>> GetSourceStatusesAsync(CancellationToken cancellationToken);

    /// <summary>The source's latest article pages (at most <see cref="Parsing.Furniture.FurnitureLedger.Capacity"/>), oldest first.</summary>
    Task<IReadOnlyList<FurniturePage>> GetFurniturePagesAsync(string sourceId, CancellationToken cancellationToken);

    /// <summary>Remembers (or replaces) one article page's block fingerprints and forgets the source's pages past the latest ones.</summary>
    Task SaveFurniturePageAsync(string sourceId, FurniturePage page, CancellationToken cancellationToken);

    /// <summary>
    /// Removes articles older than the retention age or beyond the per-source maximum, remembering their identities
    /// as tombstones (so <see cref="SaveArticleAsync"/> answers <see cref="ArticleSaveOutcome.Forgotten"/>), and forgets
    /// tombstones and weather snapshots past their lifetime; one transaction.
    /// </summary>
    Task<PruneResult> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces what drift detection learned about the source's selectors and, from their warnings, the source's drift
    /// warnings in force (<see cref="GetDriftAsync"/>); an empty list forgets both. One transaction.
    /// </summary>
    Task SaveDriftAsync(string sourceId, IReadOnlyList<LearnedSelector> learned, CancellationToken cancellationToken);

    /// <summary>Per source, what drift detection learned about its selectors (what a restarted worker starts from).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<LearnedSelector>>> GetLearnedSelectorsAsync(CancellationToken cancellationToken);

    /// <summary>Per source with any, the drift warnings in force.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetDriftAsync(CancellationToken cancellationToken);
}
