using System.Text;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Furniture;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Scheduling;

/// <summary>
/// One source's cycle, top to bottom: list pages (with conditional GET and pagination; a 304 gives the links it held
/// last time) → article links →
/// recheck window and schedule → article pages → store → status → publish. Orchestration only: no parsing or SQL here. What it
/// reads from the store and writes goes through one <see cref="ICycleSink"/>: the store for the service, a sink that
/// stores nothing for the <c>scrape</c> dry run.
/// </summary>
public sealed partial class ScrapeCycle : ISourceCycle
{
    private readonly Func<SourceDefinition, Uri, UrlOrigin, FetchValidators, CancellationToken, Task<FetchResult>> fetch;
    private readonly Func<ReadOnlyMemory<byte>, Encoding, Uri, SourceDefinition, DateTimeOffset, FurnitureMemory, CancellationToken, PageParseResult> parse;
    private readonly ICycleSink sink;
    private readonly TimeProvider time;
    private readonly SchedulerOptions options;
    private readonly ILogger<ScrapeCycle> logger;
    private readonly SchedulingMetrics metrics;
    private readonly ParseGate parseGate;
    private readonly StorageFaults storageFaults;

    public ScrapeCycle(PageFetcher fetcher, PageParser parser, ParseGate parseGate, ICycleSink sink, TimeProvider time, IOptions<SchedulerOptions> options, ILogger<ScrapeCycle> logger, SchedulingMetrics metrics, StorageFaults storageFaults)
        : this(fetcher.FetchAsync, (body, encoding, url, source, at, furniture, token) => parser.Parse(body, encoding, url, source, at, furniture, token), sink, time, options, logger, metrics, parseGate, storageFaults)
    {
    }

    /// <summary>The stages as functions: the sealed stage classes are replaced by fakes in tests through this constructor.</summary>
    internal ScrapeCycle(
        Func<SourceDefinition, Uri, UrlOrigin, FetchValidators, CancellationToken, Task<FetchResult>> fetch,
        Func<ReadOnlyMemory<byte>, Encoding, Uri, SourceDefinition, DateTimeOffset, FurnitureMemory, CancellationToken, PageParseResult> parse,
        ICycleSink sink,
        TimeProvider time,
        IOptions<SchedulerOptions> options,
        ILogger<ScrapeCycle> logger,
        SchedulingMetrics metrics,
        ParseGate parseGate,
        StorageFaults storageFaults)
    {
        this.fetch = fetch;
        this.parse = parse;
        this.sink = sink;
        this.time = time;
        this.options = options.Value;
        this.logger = logger;
        this.metrics = metrics;
        this.parseGate = parseGate;
        this.storageFaults = storageFaults;
    }

    public Task RunAsync(SourceDefinition source, CancellationToken cancellationToken) => RunAsync(source, progress: null, cancellationToken);

    /// <param name="progress">Told about each list page and article as the cycle goes (the backfill command's progress bar).</param>
    public async Task RunAsync(SourceDefinition source, IProgress<CycleProgress>? progress, CancellationToken cancellationToken)
    {
        var tally = new CycleTally { Progress = progress };
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        try
        {
            await sink.RunStartedAsync(source, cancellationToken);
            var furniture = await LoadFurnitureAsync(source, cancellationToken);
            var (links, listPages) = await ReadListPagesAsync(source, tally, furniture, cancellationToken);
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
                storageFaults.WriteFailed(ex, time.GetUtcNow());
            }

            try
            {
                await sink.RecordRunAsync(source.Id, startedAt, tally.Failures, tally.LastError, CancellationToken.None);
            }
            catch (Exception recordFailure) when (StorageFaults.IsStorageFailure(recordFailure))
            {
                storageFaults.WriteFailed(recordFailure, time.GetUtcNow());
            }

            throw;
        }

        await sink.RecordRunAsync(source.Id, startedAt, tally.Failures, tally.LastError, cancellationToken);
        await sink.RunEndedAsync(source, cancellationToken);
        // A whole cycle's writes went through: whatever failed before has recovered.
        storageFaults.WriteSucceeded();
        if (tally.ChangedFeeds)
        {
            await sink.PublishAsync(cancellationToken);
        }

        Log.Summary(logger, source.Id, tally.PagesFetched, tally.NotModified, tally.NewArticles, tally.NearDuplicates, tally.UpdatedArticles,
            tally.Skipped, tally.NoArticle, tally.Failures, time.GetElapsedTime(started));
    }

    /// <summary>Start pages and their pagination: article links in page order without repeats, and the list pages read.</summary>
    private async Task<(List<Uri> Links, List<FetchState> ListPages)> ReadListPagesAsync(SourceDefinition source, CycleTally tally, FurnitureLedger? furniture, CancellationToken cancellationToken)
    {
        var links = new List<Uri>();
        var listPages = new List<FetchState>();
        var seenLinks = new HashSet<Uri>();
        var visited = new HashSet<Uri>();
        foreach (var startUrl in source.StartUrls)
        {
            Uri? page = startUrl;
            for (var pageNumber = 1; page is not null && pageNumber <= source.ArticleLinks.MaxPages && visited.Add(page); pageNumber++)
            {
                var origin = pageNumber == 1 ? UrlOrigin.Operator : UrlOrigin.Discovered;
                var notModifiedBefore = tally.NotModified;
                if (await ReadPageAsync(source, page, origin, PageRole.List, tally, furniture, cancellationToken) is (var fetched, var parsed))
                {
                    links.AddRange(parsed.ArticleLinks.Where(seenLinks.Add));
                    // Only what the fetch state needs is kept until the end of the cycle, not the page's bytes.
                    listPages.Add(fetched with { Links = new ListPageLinks(parsed.ArticleLinks, parsed.NextPage) });
                    tally.ListPagesRead++;
                    page = parsed.NextPage;
                }
                else if (tally.NotModified > notModifiedBefore && await sink.GetListPageLinksAsync(page, cancellationToken) is { } remembered)
                {
                    // Unchanged since it was last read: its articles are still re-checked on their schedule, its next page followed.
                    links.AddRange(remembered.Links.Where(seenLinks.Add));
                    page = remembered.NextPage;
                }
                else
                {
                    break;
                }

                tally.Report(links.Count, 0);
            }
        }

        return (links, listPages);
    }

    private async Task ReadArticlesAsync(SourceDefinition source, List<Uri> links, CycleTally tally, FurnitureLedger? furniture, CancellationToken cancellationToken)
    {
        var recheckWindow = source.RecheckWindow ?? options.RecheckWindow;
        var fetchedCount = 0;
        var done = 0;
        foreach (var link in links)
        {
            tally.Report(links.Count, done++);
            if (fetchedCount >= source.ArticleLinks.MaxArticles)
            {
                Log.ArticleLimit(logger, source.Id, source.ArticleLinks.MaxArticles, links.Count);
                break;
            }

            if (!await sink.ShouldFetchArticleAsync(source.Id, link, time.GetUtcNow(), recheckWindow, cancellationToken))
            {
                tally.Skipped++;
                continue;
            }

            fetchedCount++;
            // Saved only after the article is stored, so a failed save is fetched again rather than answered with 304.
            // A page that failed keeps no validators either: it is read again next time, not answered with 304.
            if (await ReadPageAsync(source, link, UrlOrigin.Discovered, PageRole.Article, tally, furniture, cancellationToken) is (var fetched, var parsed)
                && parsed.Failure is null)
            {
                await SaveFetchStateAsync(fetched, cancellationToken);
            }
        }

        tally.Report(links.Count, links.Count);
    }

    /// <summary>
    /// The one page step of the cycle, for list and article pages alike: fetch → parse → store what the page holds.
    /// Null when there was nothing to parse (304 or a failed fetch, both recorded).
    /// </summary>
    private async Task<(FetchState Fetched, PageParseResult Parsed)?> ReadPageAsync(
        SourceDefinition source, Uri url, UrlOrigin origin, PageRole role, CycleTally tally, FurnitureLedger? furniture, CancellationToken cancellationToken)
    {
        if (await FetchAsync(source, url, origin, tally, cancellationToken) is not { } fetched)
        {
            return null;
        }

        var parsed = await ParseAsync(source, fetched, origin, tally, furniture, cancellationToken);
        ReportParseErrors(source, parsed);
        sink.PageRead(source, role == PageRole.List, parsed);
        await SaveWeatherAsync(source, parsed, tally, cancellationToken);
        if (parsed.Article is { } article)
        {
            // On a list page too: a start URL may itself be an article page.
            await SaveArticleAsync(source, article, tally, cancellationToken);
        }
        else if (parsed.Failure is null && (role == PageRole.Article || parsed.ArticleLinks.Count == 0))
        {
            tally.NoArticle++;
            var (reason, tag) = role == PageRole.List ? ("no article and no article links", "empty_list") : ("the parser found none", "no_article");
            Log.NoArticle(logger, source.Id, url, parsed.NoArticleReason ?? reason);
            metrics.ParseFailed(source.Id, tag);
        }

        return (FetchState.Of(fetched), parsed);
    }

    /// <summary>The page, or null when there is nothing to parse (304 or a failure, both recorded).</summary>
    private async Task<Fetched?> FetchAsync(SourceDefinition source, Uri url, UrlOrigin origin, CycleTally tally, CancellationToken cancellationToken)
    {
        var validators = await sink.GetValidatorsAsync(url, cancellationToken);
        switch (await fetch(source, url, origin, validators, cancellationToken))
        {
            case Fetched fetched:
                tally.PagesFetched++;
                return fetched;

            case NotModified notModified:
                tally.NotModified++;
                Log.NotModified(logger, source.Id, url);
                await sink.NotModifiedAsync(url, origin, notModified.Validators, time.GetUtcNow(), cancellationToken);
                return null;

            case FetchFailed failed:
                tally.Failures++;
                tally.LastError = $"{url}: {failed.Reason}";
                Log.FetchFailed(logger, source.Id, url, failed.Kind, failed.Status, failed.Reason);
                sink.FetchFailed(url, origin, failed);
                return null;

            case var other:
                throw new InvalidOperationException($"Unknown fetch result {other.GetType().Name} for {url}.");
        }
    }

    private async Task<PageParseResult> ParseAsync(SourceDefinition source, Fetched fetched, UrlOrigin origin, CycleTally tally, FurnitureLedger? furniture, CancellationToken cancellationToken)
    {
        var memory = furniture?.MemoryFor(fetched.FinalUrl) ?? FurnitureMemory.Empty;
        // The gate serves sources round-robin, so a source whose pages each run out their time budget still waits behind
        // every other waiting source's page between two of its own.
        PageParseResult parsed;
        try
        {
            parsed = await parseGate.RunAsync(
                source.Id,
                () => parse(fetched.Body, fetched.Encoding, fetched.FinalUrl, source, fetched.FetchedAt, memory, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // The parser turns what a page does into a value; should one still throw, it costs that page, not the
            // pages after it. A failing store, by contrast, still ends the cycle: the next page would fail the same way.
            parsed = new PageParseResult { Url = fetched.FinalUrl, Failure = $"{ex.GetType().Name}: {ex.Message}" };
        }

        sink.PageParsed(fetched, origin, parsed);
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

    /// <summary>One failed page: counted on the run (it makes the run a failed one), logged once with the source and URL.</summary>
    private void PageFailed(SourceDefinition source, Uri url, string reason, CycleTally tally)
    {
        tally.Failures++;
        tally.LastError = $"{url}: {reason}";
        Log.PageFailed(logger, source.Id, url, reason);
        metrics.ParseFailed(source.Id, "failed");
    }

    private void ReportParseErrors(SourceDefinition source, PageParseResult parsed)
    {
        foreach (var error in parsed.Errors)
        {
            Log.ParseProblem(logger, source.Id, parsed.Url, error);
            metrics.ParseFailed(source.Id, "selector");
        }
    }

    private async Task SaveArticleAsync(SourceDefinition source, Article article, CycleTally tally, CancellationToken cancellationToken)
    {
        var result = await sink.SaveArticleAsync(source.Id, article, time.GetUtcNow(), cancellationToken);
        metrics.ArticleSaved(source.Id, result switch
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
                Log.NewArticle(logger, source.Id, article.Url, article.Title);
                break;
            case ArticleSaveOutcome.Updated:
                tally.UpdatedArticles++;
                Log.UpdatedArticle(logger, source.Id, article.Url, article.Title);
                if (result.Corrected.Count > 0)
                {
                    metrics.RevisionKept(source.Id);
                    Log.Corrected(logger, source.Id, article.Url, string.Join(", ", result.Corrected));
                }

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
            if (await sink.SaveWeatherAsync(source.Id, snapshot, time.GetUtcNow(), cancellationToken))
            {
                tally.WeatherSnapshots++;
                metrics.WeatherStored(source.Id);
            }
        }
    }

    private Task SaveFetchStateAsync(FetchState page, CancellationToken cancellationToken) => page.Links is { } links
        ? sink.SaveListPageAsync(page.Url, page.Validators, page.Status, page.At, links, cancellationToken)
        : sink.SaveFetchStateAsync(page.Url, page.Validators, page.Status, page.At, cancellationToken);

    private enum PageRole
    {
        List,
        Article,
    }

    /// <summary>A fetched page's validators (and a list page's links), kept until its articles are stored.</summary>
    private sealed record FetchState(Uri Url, FetchValidators Validators, int Status, DateTimeOffset At)
    {
        public ListPageLinks? Links { get; init; }

        public static FetchState Of(Fetched fetched) => new(fetched.RequestedUrl, fetched.Validators, fetched.Status, fetched.FetchedAt);
    }
}
