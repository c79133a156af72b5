using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>
/// Re-renders the feeds and writes the static export. The scrape cycle asks through <see cref="RequestPublishAsync"/>
/// (paced, see FeedPublisher.Pacing.cs); <see cref="PublishAsync"/> publishes at once.
/// </summary>
public sealed partial class FeedPublisher(
    FeedCache cache,
    FeedDocumentBuilder builder,
    IFeedStore store,
    CurrentSources sources,
    ChangeVersionGate gate,
    StaticExport export,
    WebSubNotifier hub,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<FeedPublisher> logger) : IDisposable, IAsyncDisposable
{
    /// <summary>File name of the OPML list in the export folder.</summary>
    public const string OpmlFileName = "feeds.opml";

    /// <summary>File name of the structured weather readings in the export folder.</summary>
    public const string WeatherReadingsFileName = "weather-readings.json";

    // ETag last published per export path: without an export folder this is how changes are told apart.
    private readonly ConcurrentDictionary<string, string> published = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    // Publish requests are numbered; a publish covers every request made before it started reading the store. Sources
    // that finish while a publish runs queue one publish between them instead of one each (the first run of 50 sources
    // rendered every feed 50 times).
    private long requested;
    private long covered;
    private PublishSummary lastSummary = new(0, 0, 0);

    // What the last completed publish exported: per source the change version its feeds were rendered at, and the
    // sources list they were rendered with. A source whose version has not moved since has the same feed bytes.
    private Dictionary<string, long> exportedVersions = [];
    private IReadOnlyList<SourceDefinition>? exportedWith;

    /// <summary>The links exported files carry: the public base URL, else the configured fallback.</summary>
    public FeedLinks ExportLinks =>
        new(options.Value.PublicBaseUrl ?? options.Value.ExportFallbackBaseUrl, options.Value.WebSubHubUrl);

    /// <summary>
    /// Publishes what the store holds now. A call made while another publish waits for its turn shares that publish
    /// (and gets its summary): it starts after the call, so it sees everything the caller stored.
    /// </summary>
    public async Task<PublishSummary> PublishAsync(CancellationToken cancellationToken)
    {
        var request = Interlocked.Increment(ref requested);
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref covered) >= request)
            {
                return lastSummary;
            }

            var covering = Volatile.Read(ref requested);
            var summary = await PublishNowAsync(cancellationToken);
            lastSummary = summary;
            Volatile.Write(ref covered, covering);
            return summary;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<PublishSummary> PublishNowAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        // This node just wrote: look at the store's version now instead of waiting out the check interval.
        gate.Invalidate();
        var settings = options.Value;
        var links = ExportLinks;
        var files = 0;
        var changed = new List<Uri>();
        var skipped = 0;
        // Read before any feed: a change made while this publish runs moves the version past what is recorded below,
        // so the next publish renders that source again.
        var versions = await store.GetSourceChangeVersionsAsync(cancellationToken);
        var current = sources();
        var sameSources = ReferenceEquals(current, exportedWith);
        foreach (var feed in await cache.GetFeedsAsync(cancellationToken))
        {
            // A source's own feeds are re-rendered only when one of its writes (or a copy linking to its articles, or a
            // prune) moved its version; the combined, weather and category feeds span sources and are always rendered.
            if (sameSources && feed.Definition.SourceId is { } sourceId
                && exportedVersions.TryGetValue(sourceId, out var exported) && exported == versions.GetValueOrDefault(sourceId))
            {
                skipped++;
                continue;
            }

            // Rendered here and dropped once written rather than through the HTTP cache: keeping all three formats of
            // every feed alive after each publish filled the large-object heap with buffers nobody requested. A feed
            // requested over HTTP is rendered (to the same bytes) on its first request.
            if (await builder.BuildAsync(feed.Definition, settings.DefaultItemCount, cancellationToken) is not { } document)
            {
                continue;
            }

            foreach (var format in FeedFormats.All)
            {
                var rendered = FeedRenderer.Render(document, format, links);
                files++;
                if (await PublishFileAsync($"{feed.Definition.Path}.{format.Extension()}", rendered, cancellationToken))
                {
                    changed.Add(links.Self(feed.Definition, format));
                }
            }
        }

        var opml = await cache.GetOpmlAsync(links, cancellationToken);
        var weather = await cache.GetWeatherJsonAsync(null, settings.DefaultItemCount, cancellationToken);
        files += 2;
        var changedFiles = changed.Count
            + (await PublishFileAsync(OpmlFileName, opml, cancellationToken) ? 1 : 0)
            + (await PublishFileAsync(WeatherReadingsFileName, weather, cancellationToken) ? 1 : 0);

        var pings = settings.WebSubHubUrl is { } hubUrl && changed.Count > 0
            ? await hub.PingAsync(hubUrl, changed, cancellationToken)
            : 0;
        exportedVersions = current.Select(s => s.Id).Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => versions.GetValueOrDefault(id), StringComparer.Ordinal);
        exportedWith = current;
        var elapsed = time.GetElapsedTime(started);
        Log.Published(logger, files, changedFiles, skipped, pings, elapsed);
        return new PublishSummary(files, changedFiles, pings);
    }

    private async Task<bool> PublishFileAsync(string relativePath, RenderedFeed rendered, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var before = published.GetValueOrDefault(relativePath);
        published[relativePath] = rendered.ETag;
        if (!settings.ExportEnabled)
        {
            return before != rendered.ETag;
        }

        var root = Path.GetFullPath(settings.ExportDirectory);
        var path = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            // A source id like "../x" must not write outside the export folder.
            Log.PathOutsideExport(logger, relativePath);
            return false;
        }

        return await export.WriteAsync(path, rendered.Content, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Published {Files} feed files, {Changed} changed, {Skipped} feeds of unchanged sources skipped, {Pings} hub pings in {Elapsed}")]
        public static partial void Published(ILogger logger, int files, int changed, int skipped, int pings, TimeSpan elapsed);

        [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Publishing failed; the next change publishes again")]
        public static partial void PublishFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Not exporting {Path}: it would land outside the export folder")]
        public static partial void PathOutsideExport(ILogger logger, string path);
    }
}
