using System.Globalization;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Publishing.Formats;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Publishing.Serving;

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
    CurrentTopics topics,
    IOptions<PublishingOptions> options) : IDisposable
{
    private const long MaxBytesPerCache = 256L * 1024 * 1024;

    private readonly VersionedCache<FeedCacheKey, FeedDocument?> documents =
        new(d => d is null ? 1 : d.Items.Sum(i => 2L * (i.ContentHtml.Length + i.Title.Length + (i.Summary?.Length ?? 0)) + 512), MaxBytesPerCache);

    private readonly VersionedCache<FeedCacheKey, RenderedFeed?> rendered = new(r => 2L * (r?.Content.Length ?? 1), MaxBytesPerCache);
    private readonly VersionedCache<FeedCacheKey, IReadOnlyList<FeedEntry>> listings = new(l => l.Count * 256L, MaxBytesPerCache);

    private Fingerprint? fingerprint;

    public async ValueTask<RenderedFeed?> GetFeedAsync(FeedDefinition feed, FeedFormat format, int limit, FeedLinks links, CancellationToken cancellationToken)
    {
        var version = await gate.GetVersionAsync(cancellationToken);
        var sourcesKey = SourcesFingerprint();
        var key = new FeedCacheKey(sourcesKey, "feed", feed.CacheName, limit, format, links.BaseUrl.ToString(), links.Hub?.ToString());
        if (rendered.TryGet(key, version, out var hit))
        {
            return hit;
        }

        return await rendered.GetAsync(key, version, async ct =>
        {
            var documentKey = new FeedCacheKey(sourcesKey, "document", feed.CacheName, limit);
            var document = await documents.GetAsync(documentKey, version, c => builder.BuildAsync(feed, limit, c), ct);
            return document is null ? null : FeedRenderer.Render(document, format, links);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<FeedEntry>> GetFeedsAsync(CancellationToken cancellationToken)
    {
        var version = await gate.GetVersionAsync(cancellationToken);
        return await listings.GetAsync(new FeedCacheKey(SourcesFingerprint(), "listing"), version, catalog.ListAsync, cancellationToken);
    }

    public async Task<RenderedFeed> GetOpmlAsync(FeedLinks links, CancellationToken cancellationToken)
    {
        var feeds = await GetFeedsAsync(cancellationToken);
        var version = await gate.GetVersionAsync(cancellationToken);
        var opml = await rendered.GetAsync(new FeedCacheKey(SourcesFingerprint(), "opml", BaseUrl: links.BaseUrl.ToString()), version,
            _ => Task.FromResult<RenderedFeed?>(new RenderedFeed(OpmlWriter.Write(feeds, links, options.Value.SiteTitle), OpmlWriter.ContentType, null)),
            cancellationToken);
        return opml!;
    }

    public async Task<RenderedFeed> GetWeatherJsonAsync(string? sourceId, int limit, CancellationToken cancellationToken)
    {
        var version = await gate.GetVersionAsync(cancellationToken);
        var json = await rendered.GetAsync(new FeedCacheKey(SourcesFingerprint(), "weather.json", sourceId, limit), version, async ct =>
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

    // Settings reloads replace the source records without touching the store: their hashes key the cache too. The
    // sources stage hands out one list per accepted reload, so the hash is computed once per list, not per request.
    private string SourcesFingerprint()
    {
        var current = sources();
        var currentTopics = topics();
        var known = Volatile.Read(ref fingerprint);
        if (known is not null && ReferenceEquals(known.Sources, current) && ReferenceEquals(known.Topics, currentTopics))
        {
            return known.Value;
        }

        var hash = new HashCode();
        foreach (var source in current)
        {
            hash.Add(source);
        }

        foreach (var topic in currentTopics)
        {
            hash.Add(topic);
        }

        known = new Fingerprint(current, currentTopics, hash.ToHashCode().ToString("x8", CultureInfo.InvariantCulture));
        Volatile.Write(ref fingerprint, known);
        return known.Value;
    }

    private sealed record Fingerprint(IReadOnlyList<SourceDefinition> Sources, IReadOnlyList<TopicDefinition> Topics, string Value);
}
