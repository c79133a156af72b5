using System.Globalization;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Publishing;

/// <summary>
/// Feeds rendered once per store change version and served from memory: an unchanged feed costs no query beyond
/// the (throttled) version check. Documents are shared by the three formats.
/// </summary>
public sealed class FeedCache(
    ChangeVersionGate gate,
    FeedDocumentBuilder builder,
    FeedCatalog catalog,
    IFeedStore store,
    CurrentSources sources,
    IOptions<PublishingOptions> options) : IDisposable
{
    private const long MaxBytesPerCache = 256L * 1024 * 1024;

    private readonly VersionedCache<FeedDocument?> documents =
        new(d => d is null ? 1 : d.Items.Sum(i => 2L * (i.ContentHtml.Length + i.Title.Length + (i.Summary?.Length ?? 0)) + 512), MaxBytesPerCache);

    private readonly VersionedCache<RenderedFeed?> rendered = new(r => 2L * (r?.Content.Length ?? 1), MaxBytesPerCache);
    private readonly VersionedCache<IReadOnlyList<FeedEntry>> listings = new(l => l.Count * 256L, MaxBytesPerCache);

    public async Task<RenderedFeed?> GetFeedAsync(FeedDefinition feed, FeedFormat format, int limit, FeedLinks links, CancellationToken cancellationToken)
    {
        var version = await gate.GetVersionAsync(cancellationToken);
        var documentKey = $"{SourcesFingerprint()}|{feed.Path}|{limit}";
        var key = $"{documentKey}|{format}|{links.BaseUrl}|{links.Hub}";
        return await rendered.GetAsync(key, version, async ct =>
        {
            var document = await documents.GetAsync(documentKey, version, c => builder.BuildAsync(feed, limit, c), ct);
            return document is null ? null : Render(document, format, links);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<FeedEntry>> GetFeedsAsync(CancellationToken cancellationToken)
    {
        var version = await gate.GetVersionAsync(cancellationToken);
        return await listings.GetAsync(SourcesFingerprint(), version, catalog.ListAsync, cancellationToken);
    }

    public async Task<RenderedFeed> GetOpmlAsync(FeedLinks links, CancellationToken cancellationToken)
    {
        var feeds = await GetFeedsAsync(cancellationToken);
        var version = await gate.GetVersionAsync(cancellationToken);
        var opml = await rendered.GetAsync($"{SourcesFingerprint()}|opml|{links.BaseUrl}", version,
            _ => Task.FromResult<RenderedFeed?>(new RenderedFeed(OpmlWriter.Write(feeds, links, options.Value.SiteTitle), OpmlWriter.ContentType, null)),
            cancellationToken);
        return opml!;
    }

    public async Task<RenderedFeed> GetWeatherJsonAsync(string? sourceId, int limit, CancellationToken cancellationToken)
    {
        var version = await gate.GetVersionAsync(cancellationToken);
        var json = await rendered.GetAsync($"{SourcesFingerprint()}|weather.json|{sourceId}|{limit}", version, async ct =>
        {
            var weather = await store.GetWeatherAsync(sourceId, limit, ct);
            var byId = sources().ToLookup(s => s.Id, StringComparer.Ordinal);
            var bytes = WeatherJsonWriter.Write(weather, id => byId[id].FirstOrDefault());
            return new RenderedFeed(bytes, "application/json; charset=utf-8", weather.Count == 0 ? null : weather.Max(w => w.SeenAt));
        }, cancellationToken);
        return json!;
    }

    public void Dispose()
    {
        documents.Dispose();
        rendered.Dispose();
        listings.Dispose();
    }

    private static RenderedFeed Render(FeedDocument document, FeedFormat format, FeedLinks links)
    {
        var bytes = format switch
        {
            FeedFormat.Rss => RssFeedWriter.Write(document, links),
            FeedFormat.Atom => AtomFeedWriter.Write(document, links),
            _ => JsonFeedWriter.Write(document, links),
        };
        return new RenderedFeed(bytes, format.ContentType(), document.Updated);
    }

    // Settings reloads replace the source records without touching the store: their hashes key the cache too.
    private string SourcesFingerprint()
    {
        var hash = new HashCode();
        foreach (var source in sources())
        {
            hash.Add(source);
        }

        return hash.ToHashCode().ToString("x8", CultureInfo.InvariantCulture);
    }
}
