using System.Text;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Furniture;
using NewsFeedWorker.Publishing.Serving;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Scheduling;

/// <summary>
/// One source's cycle, top to bottom: list pages (with conditional GET and pagination) → article links →
/// recheck window → article pages → store → status → publish. Orchestration only: no parsing or SQL here.
/// </summary>
public sealed partial class ScrapeCycle : ISourceCycle
{
    private readonly Func<SourceDefinition, Uri, UrlOrigin, FetchValidators, CancellationToken, Task<FetchResult>> _fetch;
    private readonly Func<ReadOnlyMemory<byte>, Encoding, Uri, SourceDefinition, DateTimeOffset, FurnitureMemory, CancellationToken, PageParseResult> _parse;
    private readonly Func<CancellationToken, Task> _publish;
    private readonly IFeedStore _store;
    private readonly TimeProvider _time;
    private readonly SchedulerOptions _options;
    private readonly ILogger<ScrapeCycle> _logger;
    private readonly SchedulingMetrics? _metrics;
    private readonly ParseGate _parseGate;
    private readonly StorageFaults _storageFaults;

    public ScrapeCycle(PageFetcher fetcher, PageParser parser, ParseGate parseGate, IFeedStore store, FeedPublisher publisher, TimeProvider time, IOptions<SchedulerOptions> options, ILogger<ScrapeCycle> logger, SchedulingMetrics metrics, StorageFaults storageFaults)
        : this(fetcher.FetchAsync, (body, encoding, url, source, at, furniture, token) => parser.Parse(body, encoding, url, source, at, furniture, token), publisher.RequestPublishAsync, store, time, options, logger, metrics, parseGate, storageFaults)
    {
    }

    /// <summary>The stages as functions: the sealed stage classes are replaced by fakes in tests through this constructor.</summary>
    internal ScrapeCycle(
        Func<SourceDefinition, Uri, UrlOrigin, FetchValidators, CancellationToken, Task<FetchResult>> fetch,
        Func<ReadOnlyMemory<byte>, Encoding, Uri, SourceDefinition, DateTimeOffset, FurnitureMemory, CancellationToken, PageParseResult> parse,
        Func<CancellationToken, Task> publish,
        IFeedStore store,
        TimeProvider time,
        IOptions<SchedulerOptions> options,
        ILogger<ScrapeCycle> logger,
        SchedulingMetrics? metrics = null,
        ParseGate? parseGate = null,
        StorageFaults? storageFaults = null)
    {
        _storageFaults = storageFaults ?? new StorageFaults();
        _parseGate = parseGate ?? new ParseGate(options.Value.MaxConcurrentParses);
        _metrics = metrics;
        _fetch = fetch;
        _parse = parse;
        _publish = publish;
        _store = store;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    public Task RunAsync(SourceDefinition source, CancellationToken cancellationToken) => RunAsync(source, progress: null, cancellationToken);

    /// <param name="progress">Told about each list page and article as the cycle goes (the backfill command's progress bar).</param>
    public async Task RunAsync(SourceDefinition source, IProgress<CycleProgress>? progress, CancellationToken cancellationToken)
    {
        var tally = new CycleTally { Progress = progress };
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        try
        {
            var listPages = new List<FetchState>();
            var furniture = await LoadFurnitureAsync(source, cancellationToken);
            var links = await ReadListPagesAsync(source, listPages, tally, furniture, cancellationToken);
            await ReadArticlesAsync(source, links, tally, furniture, cancellationToken);

            // A list page's validators are kept only when all its articles were read: otherwise the next run would get
            // a 304 for the list and never retry the articles that failed.
            if (tally.Failures == 0)
            {
                foreach (var page in listPages)
                {
                    await SaveFetchStateAsync(page, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Recorded on the source, then left to the job boundary to log. A store that failed may refuse this write
            // too (a full disk): /health then learns of the failure from memory.
            tally.Failures++;
            tally.LastError = ex.Message;
            if (StorageFaults.IsStorageFailure(ex))
            {
                _storageFaults.WriteFailed(ex, _time.GetUtcNow());
            }

            try
            {
                await RecordStatusAsync(source, tally, startedAt, CancellationToken.None);
            }
            catch (Exception recordFailure) when (StorageFaults.IsStorageFailure(recordFailure))
            {
                _storageFaults.WriteFailed(recordFailure, _time.GetUtcNow());
            }

            throw;
        }

        await RecordStatusAsync(source, tally, startedAt, cancellationToken);
        // A whole cycle's writes went through: whatever failed before has recovered.
        _storageFaults.WriteSucceeded();
        if (tally.ChangedFeeds)
        {
            await _publish(cancellationToken);
        }

        Log.Summary(_logger, source.Id, tally.PagesFetched, tally.NotModified, tally.NewArticles, tally.NearDuplicates, tally.UpdatedArticles,
            tally.Skipped, tally.NoArticle, tally.Failures, _time.GetElapsedTime(started));
    }

    /// <summary>Start pages and their pagination; returns article links in page order, without repeats.</summary>
    private async Task<List<Uri>> ReadListPagesAsync(SourceDefinition source, List<FetchState> listPages, CycleTally tally, FurnitureLedger? furniture, CancellationToken cancellationToken)
    {
        var links = new List<Uri>();
        var seenLinks = new HashSet<Uri>();
        var visited = new HashSet<Uri>();
        foreach (var startUrl in source.StartUrls)
        {
            Uri? page = startUrl;
            for (var pageNumber = 1; page is not null && pageNumber <= source.ArticleLinks.MaxPages && visited.Add(page); pageNumber++)
            {
                var origin = pageNumber == 1 ? UrlOrigin.Operator : UrlOrigin.Discovered;
                var fetched = await FetchAsync(source, page, origin, tally, cancellationToken);
                if (fetched is null)
                {
                    break;
                }

                var parsed = await ParseAsync(source, fetched, tally, furniture, cancellationToken);
                ReportParseErrors(source, parsed);
                await SaveWeatherAsync(source, parsed, tally, cancellationToken);
                if (parsed.Article is { } article)
                {
                    // A start URL may itself be an article page.
                    await SaveArticleAsync(source, article, tally, cancellationToken);
                }
                else if (parsed.ArticleLinks.Count == 0 && parsed.Failure is null)
                {
                    tally.NoArticle++;
                    Log.NoArticle(_logger, source.Id, page, parsed.NoArticleReason ?? "no article and no article links");
                    _metrics?.ParseFailed(source.Id, "empty_list");
                }

                links.AddRange(parsed.ArticleLinks.Where(seenLinks.Add));
                // Only what the fetch state needs is kept until the end of the cycle, not the page's bytes.
                listPages.Add(FetchState.Of(fetched));
                tally.ListPagesRead++;
                tally.Report(links.Count, 0);
                page = parsed.NextPage;
            }
        }

        return links;
    }

    private async Task ReadArticlesAsync(SourceDefinition source, List<Uri> links, CycleTally tally, FurnitureLedger? furniture, CancellationToken cancellationToken)
    {
        var recheckWindow = source.RecheckWindow ?? _options.RecheckWindow;
        var fetchedCount = 0;
        var done = 0;
        foreach (var link in links)
        {
            tally.Report(links.Count, done++);
            if (fetchedCount >= source.ArticleLinks.MaxArticles)
            {
                Log.ArticleLimit(_logger, source.Id, source.ArticleLinks.MaxArticles, links.Count);
                break;
            }

            if (!await _store.ShouldFetchArticleAsync(source.Id, link, _time.GetUtcNow(), recheckWindow, cancellationToken))
            {
                tally.Skipped++;
                continue;
            }

            fetchedCount++;
            await ReadArticleAsync(source, link, tally, furniture, cancellationToken);
        }

        tally.Report(links.Count, links.Count);
    }

    private async Task ReadArticleAsync(SourceDefinition source, Uri link, CycleTally tally, FurnitureLedger? furniture, CancellationToken cancellationToken)
    {
        var fetched = await FetchAsync(source, link, UrlOrigin.Discovered, tally, cancellationToken);
        if (fetched is null)
        {
            return;
        }

        var parsed = await ParseAsync(source, fetched, tally, furniture, cancellationToken);
        ReportParseErrors(source, parsed);
        await SaveWeatherAsync(source, parsed, tally, cancellationToken);
        if (parsed.Article is { } article)
        {
            await SaveArticleAsync(source, article, tally, cancellationToken);
        }
        else if (parsed.Failure is null)
        {
            tally.NoArticle++;
            Log.NoArticle(_logger, source.Id, link, parsed.NoArticleReason ?? "the parser found none");
            _metrics?.ParseFailed(source.Id, "no_article");
        }

        // Saved only after the article is stored, so a failed save is fetched again rather than answered with 304.
        // A page that failed keeps no validators either: it is read again next time, not answered with 304.
        if (parsed.Failure is null)
        {
            await SaveFetchStateAsync(FetchState.Of(fetched), cancellationToken);
        }
    }

    /// <summary>One failed page: counted on the run (it makes the run a failed one), logged once with the source and URL.</summary>
    private void PageFailed(SourceDefinition source, Uri url, string reason, CycleTally tally)
    {
        tally.Failures++;
        tally.LastError = $"{url}: {reason}";
        Log.PageFailed(_logger, source.Id, url, reason);
        _metrics?.ParseFailed(source.Id, "failed");
    }

    /// <summary>The page, or null when there is nothing to parse (304 or a failure, both recorded).</summary>
    private async Task<Fetched?> FetchAsync(SourceDefinition source, Uri url, UrlOrigin origin, CycleTally tally, CancellationToken cancellationToken)
    {
        var validators = await _store.GetValidatorsAsync(url, cancellationToken);
        switch (await _fetch(source, url, origin, validators, cancellationToken))
        {
            case Fetched fetched:
                tally.PagesFetched++;
                return fetched;

            case NotModified notModified:
                tally.NotModified++;
                Log.NotModified(_logger, source.Id, url);
                await _store.SaveFetchStateAsync(url, notModified.Validators, 304, _time.GetUtcNow(), cancellationToken);
                return null;

            case FetchFailed failed:
                tally.Failures++;
                tally.LastError = $"{url}: {failed.Reason}";
                Log.FetchFailed(_logger, source.Id, url, failed.Kind, failed.Status, failed.Reason);
                return null;

            case var other:
                throw new InvalidOperationException($"Unknown fetch result {other.GetType().Name} for {url}.");
        }
    }

    private Task SaveFetchStateAsync(FetchState page, CancellationToken cancellationToken) =>
        _store.SaveFetchStateAsync(page.Url, page.Validators, page.Status, page.At, cancellationToken);

    private async Task<PageParseResult> ParseAsync(SourceDefinition source, Fetched fetched, CycleTally tally, FurnitureLedger? furniture, CancellationToken cancellationToken)
    {
        var memory = furniture?.MemoryFor(fetched.FinalUrl) ?? FurnitureMemory.Empty;
        // The gate serves sources round-robin, so a source whose pages each run out their time budget still waits behind
        // every other waiting source's page between two of its own.
        PageParseResult parsed;
        try
        {
            parsed = await _parseGate.RunAsync(
                source.Id,
                () => _parse(fetched.Body, fetched.Encoding, fetched.FinalUrl, source, fetched.FetchedAt, memory, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // The parser turns what a page does into a value; should one still throw, it costs that page, not the
            // pages after it. A failing store, by contrast, still ends the cycle: the next page would fail the same way.
            parsed = new PageParseResult { Url = fetched.FinalUrl, Failure = $"{ex.GetType().Name}: {ex.Message}" };
        }

        if (parsed.Failure is { } failure)
        {
            PageFailed(source, fetched.RequestedUrl, failure, tally);
        }
        else
        {
            await LearnFurnitureAsync(source, fetched, parsed, furniture, cancellationToken);
        }

        return parsed;
    }

    /// <summary>A fetched page's validators, kept until its articles are stored.</summary>
    private sealed record FetchState(Uri Url, FetchValidators Validators, int Status, DateTimeOffset At)
    {
        public static FetchState Of(Fetched fetched) => new(fetched.RequestedUrl, fetched.Validators, fetched.Status, fetched.FetchedAt);
    }

    private async Task SaveArticleAsync(SourceDefinition source, Article article, CycleTally tally, CancellationToken cancellationToken)
    {
        var result = await _store.SaveArticleAsync(source.Id, article, _time.GetUtcNow(), cancellationToken);
        _metrics?.ArticleSaved(source.Id, result switch
        {
            { NearDuplicateOf: not null } => "near_duplicate",
            { Outcome: ArticleSaveOutcome.New } => "new",
            { Outcome: ArticleSaveOutcome.Updated } => "updated",
            { Outcome: ArticleSaveOutcome.Forgotten } => "forgotten",
            _ => "duplicate",
        });
        switch (result.Outcome)
        {
            case ArticleSaveOutcome.New:
                tally.NewArticles++;
                tally.NearDuplicates += result.NearDuplicateOf is null ? 0 : 1;
                Log.NewArticle(_logger, source.Id, article.Url, article.Title);
                break;
            case ArticleSaveOutcome.Updated:
                tally.UpdatedArticles++;
                Log.UpdatedArticle(_logger, source.Id, article.Url, article.Title);
                break;
            default:
                break;
        }
    }

    private async Task SaveWeatherAsync(SourceDefinition source, PageParseResult parsed, CycleTally tally, CancellationToken cancellationToken)
    {
        // Every page of a site shows the same widget: one snapshot per cycle is enough (the store also skips repeats).
        if (tally.WeatherSnapshots > 0 || parsed.Weather.Count == 0)
        {
            return;
        }

        foreach (var snapshot in parsed.Weather)
        {
            if (await _store.SaveWeatherAsync(source.Id, snapshot, _time.GetUtcNow(), cancellationToken))
            {
                tally.WeatherSnapshots++;
                _metrics?.WeatherStored(source.Id);
            }
        }
    }

    private void ReportParseErrors(SourceDefinition source, PageParseResult parsed)
    {
        foreach (var error in parsed.Errors)
        {
            Log.ParseProblem(_logger, source.Id, parsed.Url, error);
            _metrics?.ParseFailed(source.Id, "selector");
        }
    }

    private async Task RecordStatusAsync(SourceDefinition source, CycleTally tally, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var previous = (await _store.GetSourceStatusesAsync(cancellationToken)).FirstOrDefault(s => s.SourceId == source.Id);
        // A run in which any page failed (a fetch, a parse, a page too complex) is a failed run, even when the other
        // pages were stored: a source that loses pages every run must show up in /health, not hide behind "reached".
        var succeeded = tally.Failures == 0;
        await _store.SaveSourceStatusAsync(new SourceStatus
        {
            SourceId = source.Id,
            LastRun = startedAt,
            LastSuccess = succeeded ? startedAt : previous?.LastSuccess,
            LastErrorAt = tally.Failures > 0 ? startedAt : previous?.LastErrorAt,
            LastError = tally.Failures > 0 ? tally.LastError : previous?.LastError,
            ConsecutiveFailures = succeeded ? 0 : (previous?.ConsecutiveFailures ?? 0) + 1,
            FailedPages = tally.Failures,
            // The counts are the store's to compute from the articles it holds; passed through unchanged.
            ArticlesLast24h = previous?.ArticlesLast24h ?? 0,
            TotalArticles = previous?.TotalArticles ?? 0,
        }, cancellationToken);
    }
}
