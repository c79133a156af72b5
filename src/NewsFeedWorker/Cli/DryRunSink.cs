using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Cli;

/// <summary>
/// The <c>scrape</c> dry run's cycle sink: the cycle runs as the service's does, but nothing is read from or written to
/// a store. Every link is new (no recheck window, no validators, so no 304s), the furniture memory starts empty (the
/// dry run opens no database; the run's own article pages still teach it, as in a source's first cycle), and each
/// parsed page and each failure is kept for the report.
/// </summary>
internal sealed class DryRunSink : ICycleSink
{
    private readonly List<ScrapedPage> pages = [];
    private readonly List<string> errors = [];
    private string? failedReason;

    public ScrapeOutcome Outcome() => new(pages, errors, failedReason);

    public Task<FetchValidators> GetValidatorsAsync(Uri url, CancellationToken cancellationToken) => Task.FromResult(FetchValidators.None);

    public Task<bool> ShouldFetchArticleAsync(string sourceId, Uri url, DateTimeOffset now, TimeSpan recheckWindow, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    public Task<IReadOnlyList<FurniturePage>> GetFurniturePagesAsync(string sourceId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FurniturePage>>([]);

    public void PageParsed(Fetched fetched, UrlOrigin origin, PageParseResult parsed)
    {
        if (parsed.Failure is { } failure)
        {
            Failed(origin, $"could not parse {fetched.FinalUrl}: {failure}");
        }
        else
        {
            pages.Add(new ScrapedPage(fetched.FinalUrl, fetched.Body, fetched.Encoding, parsed));
        }
    }

    public void FetchFailed(Uri url, UrlOrigin origin, FetchFailed failed) => Failed(origin, $"could not fetch {url}: {failed.Kind}: {failed.Reason}");

    public Task NotModifiedAsync(Uri url, UrlOrigin origin, FetchValidators validators, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Failed(origin, $"could not fetch {url}: the server answered 304 Not Modified to an unconditional request");
        return Task.CompletedTask;
    }

    public Task SaveFetchStateAsync(Uri url, FetchValidators validators, int status, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SaveListPageAsync(Uri url, FetchValidators validators, int status, DateTimeOffset at, ListPageLinks links, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task<ListPageLinks?> GetListPageLinksAsync(Uri url, CancellationToken cancellationToken) => Task.FromResult<ListPageLinks?>(null);

    /// <summary>Unchanged: nothing was stored, so the run counts no new article and publishes nothing.</summary>
    public Task<ArticleSaveResult> SaveArticleAsync(string sourceId, Article article, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        Task.FromResult(new ArticleSaveResult(ArticleSaveOutcome.Unchanged, ""));

    public Task<bool> SaveWeatherAsync(string sourceId, WeatherSnapshot snapshot, DateTimeOffset seenAt, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task SaveFurniturePageAsync(string sourceId, FurniturePage page, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RecordRunAsync(string sourceId, DateTimeOffset startedAt, int failedPages, string? lastError, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PublishAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A page the operator named (a start URL, or --url) that failed fails the command; any other is reported.</summary>
    private void Failed(UrlOrigin origin, string error)
    {
        errors.Add(error);
        if (origin == UrlOrigin.Operator)
        {
            failedReason ??= error;
        }
    }
}
