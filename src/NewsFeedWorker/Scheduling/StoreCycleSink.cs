using NewsFeedWorker.Drift;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Publishing.Serving;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Scheduling;

/// <summary>The service's cycle sink: everything goes to the feed store, and a changed run asks for the feeds to be published.</summary>
public sealed class StoreCycleSink(IFeedStore store, Func<CancellationToken, Task> publish, DriftMonitor? drift = null, DriftMemoryService? driftMemory = null) : ICycleSink
{
    public StoreCycleSink(IFeedStore store, FeedPublisher publisher, DriftMonitor drift, DriftMemoryService driftMemory)
        : this(store, publisher.RequestPublishAsync, drift, driftMemory)
    {
    }

    /// <summary>Drift detection judges the run against what the store remembers, loaded at the latest now.</summary>
    public async Task RunStartedAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        if (driftMemory is not null)
        {
            await driftMemory.EnsureLoadedAsync(cancellationToken);
        }

        drift?.RunStarted(source);
    }

    public void PageRead(SourceDefinition source, bool listPage, PageParseResult parsed) => drift?.PageRead(source, listPage, parsed);

    /// <summary>
    /// What drift detection learned and its warnings are written through when they change: for a restart, for
    /// `sources` and for the other nodes.
    /// </summary>
    public async Task RunEndedAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        if (drift is not null && drift.RunEnded(source))
        {
            await store.SaveDriftAsync(source.Id, drift.Learned(source.Id), cancellationToken);
        }
    }

    public Task<FetchValidators> GetValidatorsAsync(Uri url, CancellationToken cancellationToken) => store.GetValidatorsAsync(url, cancellationToken);

    public Task<bool> ShouldFetchArticleAsync(string sourceId, Uri url, DateTimeOffset now, TimeSpan recheckWindow, CancellationToken cancellationToken) =>
        store.ShouldFetchArticleAsync(sourceId, url, now, recheckWindow, cancellationToken);

    public Task<IReadOnlyList<FurniturePage>> GetFurniturePagesAsync(string sourceId, CancellationToken cancellationToken) =>
        store.GetFurniturePagesAsync(sourceId, cancellationToken);

    /// <summary>The service reports pages through the cycle's log and metrics only.</summary>
    public void PageParsed(Fetched fetched, UrlOrigin origin, PageParseResult parsed)
    {
    }

    public void FetchFailed(Uri url, UrlOrigin origin, FetchFailed failed)
    {
    }

    public Task NotModifiedAsync(Uri url, UrlOrigin origin, FetchValidators validators, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.SaveFetchStateAsync(url, validators, 304, at, cancellationToken);

    public Task SaveFetchStateAsync(Uri url, FetchValidators validators, int status, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.SaveFetchStateAsync(url, validators, status, at, cancellationToken);

    public Task SaveListPageAsync(Uri url, FetchValidators validators, int status, DateTimeOffset at, ListPageLinks links, CancellationToken cancellationToken) =>
        store.SaveListPageAsync(url, validators, status, at, links, cancellationToken);

    public Task<ListPageLinks?> GetListPageLinksAsync(Uri url, CancellationToken cancellationToken) => store.GetListPageLinksAsync(url, cancellationToken);

    public Task<ArticleSaveResult> SaveArticleAsync(string sourceId, Article article, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        store.SaveArticleAsync(sourceId, article, seenAt, cancellationToken);

    public Task<bool> SaveWeatherAsync(string sourceId, WeatherSnapshot snapshot, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        store.SaveWeatherAsync(sourceId, snapshot, seenAt, cancellationToken);

    public Task SaveFurniturePageAsync(string sourceId, FurniturePage page, CancellationToken cancellationToken) =>
        store.SaveFurniturePageAsync(sourceId, page, cancellationToken);

    public Task RecordRunAsync(string sourceId, DateTimeOffset startedAt, int failedPages, string? lastError, CancellationToken cancellationToken) =>
        store.RecordRunAsync(sourceId, startedAt, failedPages, lastError, cancellationToken);

    public Task PublishAsync(CancellationToken cancellationToken) => publish(cancellationToken);
}
