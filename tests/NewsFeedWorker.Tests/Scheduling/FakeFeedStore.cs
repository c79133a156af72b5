using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Storage;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.Tests.Scheduling;

/// <summary>An in-memory store that records what the cycle asked of it.</summary>
internal sealed class FakeFeedStore : IFeedStore
{
    public Dictionary<Uri, FetchValidators> Validators { get; } = [];
    public List<(Uri Url, FetchValidators Validators, int? Status)> SavedFetchStates { get; } = [];
    public List<Article> SavedArticles { get; } = [];
    public List<WeatherSnapshot> SavedWeather { get; } = [];
    public List<SourceStatus> Statuses { get; } = [];
    public List<(Uri Url, TimeSpan Window)> RecheckQuestions { get; } = [];
    public HashSet<Uri> PastRecheckWindow { get; } = [];
    public Exception? FailOnSave { get; set; }
    public List<FurniturePage> FurniturePages { get; } = [];

    public Task MigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ArticleSaveResult> SaveArticleAsync(string sourceId, Article article, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        if (FailOnSave is { } failure)
        {
            throw failure;
        }

        var known = SavedArticles.Any(a => a.Url == article.Url);
        SavedArticles.Add(article);
        return Task.FromResult(new ArticleSaveResult(known ? ArticleSaveOutcome.Unchanged : ArticleSaveOutcome.New, article.Url.ToString()));
    }

    public Task<bool> SaveWeatherAsync(string sourceId, WeatherSnapshot snapshot, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        SavedWeather.Add(snapshot);
        return Task.FromResult(true);
    }

    public Task<bool> ShouldFetchArticleAsync(string sourceId, Uri url, DateTimeOffset now, TimeSpan recheckWindow, CancellationToken cancellationToken)
    {
        RecheckQuestions.Add((url, recheckWindow));
        return Task.FromResult(!PastRecheckWindow.Contains(url));
    }

    public Task<FetchValidators> GetValidatorsAsync(Uri url, CancellationToken cancellationToken) =>
        Task.FromResult(Validators.GetValueOrDefault(url, FetchValidators.None));

    public Task SaveFetchStateAsync(Uri url, FetchValidators validators, int? status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        SavedFetchStates.Add((url, validators, status));
        Validators[url] = validators;
        return Task.CompletedTask;
    }

    public Dictionary<Uri, ListPageLinks> ListLinks { get; } = [];

    public Task SaveListPageAsync(Uri url, FetchValidators validators, int status, DateTimeOffset at, ListPageLinks links, CancellationToken cancellationToken)
    {
        SavedFetchStates.Add((url, validators, status));
        Validators[url] = validators;
        ListLinks[url] = links;
        return Task.CompletedTask;
    }

    public Task<ListPageLinks?> GetListPageLinksAsync(Uri url, CancellationToken cancellationToken) => Task.FromResult(ListLinks.GetValueOrDefault(url));

    public Task<IReadOnlyList<FurniturePage>> GetFurniturePagesAsync(string sourceId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FurniturePage>>([.. FurniturePages]);

    public Task SaveFurniturePageAsync(string sourceId, FurniturePage page, CancellationToken cancellationToken)
    {
        FurniturePages.RemoveAll(p => p.Url == page.Url);
        FurniturePages.Add(page);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredArticle>> GetArticlesAsync(ArticleQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The cycle does not read articles.");

    public Task<ArticleHistory?> GetArticleHistoryAsync(string id, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The cycle does not read histories.");

    public Task<IReadOnlyList<ArticleCorrection>> GetCorrectionsAsync(string? sourceId, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The cycle does not read corrections.");

    public Task<IReadOnlyList<StoredWeather>> GetWeatherAsync(string? sourceId, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The cycle does not read weather.");

    public Task<long> GetChangeVersionAsync(CancellationToken cancellationToken) => Task.FromResult(0L);

    public Task<IReadOnlyDictionary<string, long>> GetSourceChangeVersionsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>());

    public Task SaveSourceStatusAsync(SourceStatus status, CancellationToken cancellationToken)
    {
        Statuses.Add(status);
        return Task.CompletedTask;
    }

    /// <summary>The stores' rule (FeedStoreContractTests), kept as one more row per run so tests see each run.</summary>
    public Task RecordRunAsync(string sourceId, DateTimeOffset startedAt, int failedPages, string? lastError, CancellationToken cancellationToken)
    {
        var previous = Statuses.LastOrDefault(s => s.SourceId == sourceId);
        var failed = failedPages > 0;
        Statuses.Add(new SourceStatus
        {
            SourceId = sourceId,
            LastRun = startedAt,
            LastSuccess = failed ? previous?.LastSuccess : startedAt,
            LastErrorAt = failed ? startedAt : previous?.LastErrorAt,
            LastError = failed ? lastError : previous?.LastError,
            ConsecutiveFailures = failed ? (previous?.ConsecutiveFailures ?? 0) + 1 : 0,
            FailedPages = failedPages,
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SourceStatus>> GetSourceStatusesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceStatus>>(Statuses.Count == 0 ? [] : [Statuses[^1]]);

    public Task<PruneResult> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        throw new NotSupportedException("pruning is tested on the real stores");

    public DriftTable Drift { get; } = new();

    public Task SaveDriftAsync(string sourceId, IReadOnlyList<LearnedSelector> learned, CancellationToken cancellationToken) =>
        Drift.SaveAsync(sourceId, learned);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<LearnedSelector>>> GetLearnedSelectorsAsync(CancellationToken cancellationToken) => Drift.GetLearnedAsync();

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetDriftAsync(CancellationToken cancellationToken) => Drift.GetAsync();
}
