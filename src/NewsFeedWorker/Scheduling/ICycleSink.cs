using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Scheduling;

/// <summary>
/// Where a cycle's reads of the store and its side effects go. The service's cycle stores and publishes
/// (<see cref="StoreCycleSink"/>); the <c>scrape</c> dry run runs the same cycle into a sink that stores nothing and
/// keeps the pages for its report, so a dry run cannot take other pages than the service would.
/// </summary>
public interface ICycleSink
{
    Task<FetchValidators> GetValidatorsAsync(Uri url, CancellationToken cancellationToken);

    Task<bool> ShouldFetchArticleAsync(string sourceId, Uri url, DateTimeOffset now, TimeSpan recheckWindow, CancellationToken cancellationToken);

    /// <summary>The source's remembered article pages, oldest first (the furniture memory the cycle starts from).</summary>
    Task<IReadOnlyList<FurniturePage>> GetFurniturePagesAsync(string sourceId, CancellationToken cancellationToken);

    /// <summary>A page was fetched and parsed (successfully or not: see <see cref="PageParseResult.Failure"/>).</summary>
    void PageParsed(Fetched fetched, UrlOrigin origin, PageParseResult parsed);

    /// <summary>A page could not be fetched (nothing to parse).</summary>
    void FetchFailed(Uri url, UrlOrigin origin, FetchFailed failed);

    /// <summary>The server answered 304 to the validators <see cref="GetValidatorsAsync"/> gave.</summary>
    Task NotModifiedAsync(Uri url, UrlOrigin origin, FetchValidators validators, DateTimeOffset at, CancellationToken cancellationToken);

    Task SaveFetchStateAsync(Uri url, FetchValidators validators, int status, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A list page's fetch state with the links and next page it held (what a later 304 stands for).</summary>
    Task SaveListPageAsync(Uri url, FetchValidators validators, int status, DateTimeOffset at, ListPageLinks links, CancellationToken cancellationToken);

    /// <summary>What the list page held when it was last read; null if never (or nothing is stored).</summary>
    Task<ListPageLinks?> GetListPageLinksAsync(Uri url, CancellationToken cancellationToken);

    Task<ArticleSaveResult> SaveArticleAsync(string sourceId, Article article, DateTimeOffset seenAt, CancellationToken cancellationToken);

    Task<bool> SaveWeatherAsync(string sourceId, WeatherSnapshot snapshot, DateTimeOffset seenAt, CancellationToken cancellationToken);

    Task SaveFurniturePageAsync(string sourceId, FurniturePage page, CancellationToken cancellationToken);

    /// <summary>Records how the run went on the source (what /health reports); any failed page makes it a failed run.</summary>
    Task RecordRunAsync(string sourceId, DateTimeOffset startedAt, int failedPages, string? lastError, CancellationToken cancellationToken);

    /// <summary>The source's run starts (before its first page); a run that ends in an exception is never ended, the next one starts afresh.</summary>
    Task RunStartedAsync(SourceDefinition source, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A page of the source's run was parsed, a list page or an article page (what drift detection learns from).</summary>
    void PageRead(SourceDefinition source, bool listPage, PageParseResult parsed)
    {
    }

    /// <summary>The source's run ended and was recorded.</summary>
    Task RunEndedAsync(SourceDefinition source, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Something a feed shows changed in this run.</summary>
    Task PublishAsync(CancellationToken cancellationToken);
}
