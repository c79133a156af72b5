using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Tests.Publishing.Fakes;

/// <summary>A hand-written in-memory IFeedStore for the publishing tests; counts the queries feeds make.</summary>
public sealed class InMemoryFeedStore : IFeedStore
{
    private readonly Lock sync = new();
    private readonly List<StoredArticle> articles = [];
    private readonly List<StoredWeather> weather = [];
    private readonly Dictionary<string, SourceStatus> statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<Uri, FetchValidators> validators = [];
    private readonly Dictionary<Uri, ListPageLinks> listLinks = [];
    private readonly List<ArticleCorrection> corrections = [];
    private readonly Dictionary<string, long> sourceChanges = new(StringComparer.Ordinal);
    private long version = 1;
    private int articleQueries;
    private int weatherQueries;
    private int versionQueries;

    public int ArticleQueries => Volatile.Read(ref articleQueries);

    public int WeatherQueries => Volatile.Read(ref weatherQueries);

    public int VersionQueries => Volatile.Read(ref versionQueries);

    public long Version => Interlocked.Read(ref version);

    public void Add(StoredArticle article)
    {
        lock (sync)
        {
            articles.RemoveAll(a => a.Id == article.Id);
            articles.Add(article);
            var original = articles.FirstOrDefault(a => a.Id == article.NearDuplicateOf)?.SourceId;
            Changed(article.SourceId, original);
        }
    }

    /// <summary>A correction of a stored article (its feeds change, as the store's update does).</summary>
    public void Add(ArticleCorrection correction)
    {
        lock (sync)
        {
            corrections.Add(correction);
            Changed(correction.SourceId);
        }
    }

    public void Add(StoredWeather snapshot)
    {
        lock (sync)
        {
            weather.Add(snapshot);
            Changed(snapshot.SourceId);
        }
    }

    public void Add(SourceStatus status)
    {
        lock (sync)
        {
            statuses[status.SourceId] = status;
        }
    }

    /// <summary>A write that changes nothing a feed shows, as another node's no-op cycle would look.</summary>
    public void BumpVersion() => Interlocked.Increment(ref version);

    public Task MigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ArticleSaveResult> SaveArticleAsync(string sourceId, Article article, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            var existing = articles.FirstOrDefault(a => a.Article.Url == article.Url);
            if (existing is null)
            {
                var id = Guid.NewGuid().ToString("D");
                articles.Add(new StoredArticle { Id = id, SourceId = sourceId, Article = article, FirstSeen = seenAt });
                Changed(sourceId);
                return Task.FromResult(new ArticleSaveResult(ArticleSaveOutcome.New, id));
            }

            if (existing.Article == article)
            {
                return Task.FromResult(new ArticleSaveResult(ArticleSaveOutcome.Unchanged, existing.Id));
            }

            articles[articles.IndexOf(existing)] = existing with { Article = article, LastChanged = seenAt };
            Changed(sourceId);
            return Task.FromResult(new ArticleSaveResult(ArticleSaveOutcome.Updated, existing.Id));
        }
    }

    public Task<bool> SaveWeatherAsync(string sourceId, WeatherSnapshot snapshot, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        Add(new StoredWeather(Guid.NewGuid().ToString("D"), sourceId, snapshot, seenAt));
        return Task.FromResult(true);
    }

    public Task<bool> ShouldFetchArticleAsync(string sourceId, Uri url, DateTimeOffset now, TimeSpan recheckWindow, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            var seen = articles.FirstOrDefault(a => a.Article.Url == url);
            return Task.FromResult(seen is null || now - seen.FirstSeen < recheckWindow);
        }
    }

    public Task<FetchValidators> GetValidatorsAsync(Uri url, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            return Task.FromResult(validators.GetValueOrDefault(url) ?? new FetchValidators(null, null));
        }
    }

    public Task SaveFetchStateAsync(Uri url, FetchValidators validators, int? status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            this.validators[url] = validators;
        }

        return Task.CompletedTask;
    }

    public Task SaveListPageAsync(Uri url, FetchValidators validators, int status, DateTimeOffset at, ListPageLinks links, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            this.validators[url] = validators;
            this.listLinks[url] = links;
        }

        return Task.CompletedTask;
    }

    public Task<ListPageLinks?> GetListPageLinksAsync(Uri url, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            return Task.FromResult(this.listLinks.GetValueOrDefault(url));
        }
    }

    public Task<ArticleHistory?> GetArticleHistoryAsync(string id, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            return Task.FromResult(articles.FirstOrDefault(a => a.Id == id) is { } current
                ? new ArticleHistory(current, [.. corrections.Where(c => c.ArticleId == id).OrderBy(c => c.Seq)
                    .Select(c => new ArticleRevision(c.Seq, current.FirstSeen, c.SeenAt, c.Changed, c.Before))])
                : null);
        }
    }

    public Task<IReadOnlyList<ArticleCorrection>> GetCorrectionsAsync(string? sourceId, int limit, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            return Task.FromResult<IReadOnlyList<ArticleCorrection>>([.. corrections
                .Where(c => sourceId is null || c.SourceId == sourceId).OrderByDescending(c => c.SeenAt).Take(limit)]);
        }
    }

    public Task<IReadOnlyList<StoredArticle>> GetArticlesAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref articleQueries);
        lock (sync)
        {
            IEnumerable<StoredArticle> result = articles;
            if (query.SourceId is { } sourceId)
            {
                result = result.Where(a => a.SourceId == sourceId);
            }

            if (query.CategorySlug is { } slug)
            {
                result = result.Where(a => a.Categories.Append(a.Article.Category ?? "").Any(c => CategorySlug.From(c) == slug));
            }

            if (query.CollapseNearDuplicates)
            {
                result = result.Where(a => a.NearDuplicateOf is null);
            }

            if (query.FirstSeenSince is { } since)
            {
                result = result.Where(a => a.FirstSeen >= since);
            }

            IReadOnlyList<StoredArticle> list = [.. result
                .OrderByDescending(a => a.Article.Published ?? a.FirstSeen)
                .ThenBy(a => a.Id, StringComparer.Ordinal)
                .Take(query.Limit)];
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<StoredWeather>> GetWeatherAsync(string? sourceId, int limit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref weatherQueries);
        lock (sync)
        {
            IReadOnlyList<StoredWeather> list = [.. weather
                .Where(w => sourceId is null || w.SourceId == sourceId)
                .OrderByDescending(w => w.SeenAt)
                .Take(limit)];
            return Task.FromResult(list);
        }
    }

    public Task<long> GetChangeVersionAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref versionQueries);
        return Task.FromResult(Interlocked.Read(ref version));
    }

    public Task<IReadOnlyDictionary<string, long>> GetSourceChangeVersionsAsync(CancellationToken cancellationToken)
    {
        lock (sync)
        {
            return Task.FromResult<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>(sourceChanges, StringComparer.Ordinal));
        }
    }

    public Task SaveSourceStatusAsync(SourceStatus status, CancellationToken cancellationToken)
    {
        Add(status);
        return Task.CompletedTask;
    }

    public Task RecordRunAsync(string sourceId, DateTimeOffset startedAt, int failedPages, string? lastError, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Publishing reads statuses; runs are recorded by the cycle, tested with the real stores.");

    public Task<IReadOnlyList<FurniturePage>> GetFurniturePagesAsync(string sourceId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FurniturePage>>([]);

    public Task SaveFurniturePageAsync(string sourceId, FurniturePage page, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<SourceStatus>> GetSourceStatusesAsync(CancellationToken cancellationToken)
    {
        lock (sync)
        {
            IReadOnlyList<SourceStatus> list = [.. statuses.Values];
            return Task.FromResult(list);
        }
    }

    public Task<PruneResult> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        throw new NotSupportedException("pruning is tested on the real stores");

    // Called under the lock: the version moves and the sources whose feeds it changes remember it.
    private void Changed(params string?[] sourceIds)
    {
        var now = Interlocked.Increment(ref version);
        foreach (var id in sourceIds.OfType<string>())
        {
            sourceChanges[id] = now;
        }
    }

    public DriftTable Drift { get; } = new();

    public Task SaveDriftAsync(string sourceId, IReadOnlyList<LearnedSelector> learned, CancellationToken cancellationToken) =>
        Drift.SaveAsync(sourceId, learned);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<LearnedSelector>>> GetLearnedSelectorsAsync(CancellationToken cancellationToken) => Drift.GetLearnedAsync();

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetDriftAsync(CancellationToken cancellationToken) => Drift.GetAsync();
}
