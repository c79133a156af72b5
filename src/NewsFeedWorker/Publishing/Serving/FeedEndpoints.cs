using Microsoft.Extensions.Options;
using NewsFeedWorker.Drift;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>The HTTP face of the feeds: /feeds/*, /weather.json, /opml, the index page and the articles' history pages.</summary>
public static class FeedEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/", GetAndHead, IndexAsync);
        endpoints.MapMethods("/sources/{id}", GetAndHead, SourcePreviewAsync);
        endpoints.MapMethods("/opml", GetAndHead, (HttpContext context, FeedRequestHandler handler, CancellationToken ct) =>
            handler.OpmlAsync(context, ct));
        endpoints.MapMethods("/weather.json", GetAndHead, (HttpContext context, FeedRequestHandler handler, string? source, CancellationToken ct) =>
            handler.WeatherReadingsAsync(context, source, ct));
        endpoints.MapMethods("/articles/{file}", GetAndHead, ArticleHistoryAsync);
        endpoints.MapMethods("/feeds/category/{file}", GetAndHead, (HttpContext context, FeedRequestHandler handler, string file, CancellationToken ct) =>
            Split(file, out var slug, out var extension)
                ? handler.FeedAsync(context, FeedDefinition.ForCategory(slug), extension, ct)
                : Task.FromResult(Results.NotFound()));
        endpoints.MapMethods("/feeds/topic/{file}", GetAndHead, (HttpContext context, FeedRequestHandler handler, string file, CancellationToken ct) =>
            Split(file, out var topicId, out var extension)
                ? handler.FeedAsync(context, FeedDefinition.ForTopic(topicId), extension, ct)
                : Task.FromResult(Results.NotFound()));
        endpoints.MapMethods("/feeds/{sourceId}/{file}", GetAndHead, (HttpContext context, FeedRequestHandler handler, string sourceId, string file, CancellationToken ct) =>
            Split(file, out var name, out var extension) && name is "weather" or "corrections"
                ? handler.FeedAsync(context, name == "weather" ? FeedDefinition.ForSourceWeather(sourceId) : FeedDefinition.ForSourceCorrections(sourceId), extension, ct)
                : Task.FromResult(Results.NotFound()));
        endpoints.MapMethods("/feeds/{file}", GetAndHead, (HttpContext context, FeedRequestHandler handler, string file, CancellationToken ct) =>
            Split(file, out var name, out var extension)
                ? handler.FeedAsync(context, name switch
                {
                    "all" => FeedDefinition.All,
                    "weather" => FeedDefinition.Weather,
                    "corrections" => FeedDefinition.Corrections,
                    _ => FeedDefinition.ForSource(name),
                }, extension, ct)
                : Task.FromResult(Results.NotFound()));
        return endpoints;
    }

    private static async Task<IResult> IndexAsync(
        HttpContext context, FeedRequestHandler handler, FeedCache cache, IFeedStore store, CurrentSources sources,
        IOptions<PublishingOptions> options, CancellationToken cancellationToken)
    {
        var feeds = await cache.GetFeedsAsync(cancellationToken);
        var statuses = await store.GetSourceStatusesAsync(cancellationToken);
        var corrections = await store.GetCorrectionsAsync(null, 200, cancellationToken);
        context.Response.Headers.CacheControl = "no-cache";
        var drift = context.RequestServices.GetService<DriftMonitor>()?.Warnings;
        var html = IndexPage.Render(feeds, sources(), statuses, corrections, handler.Links(context), options.Value.SiteTitle, drift);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary><c>/articles/{id}</c> (HTML) and <c>/articles/{id}.json</c>: an article's revisions; 404 for an unknown id.</summary>
    private static async Task<IResult> ArticleHistoryAsync(
        HttpContext context, FeedRequestHandler handler, IFeedStore store, CurrentSources sources, string file, CancellationToken cancellationToken)
    {
        var json = file.EndsWith(".json", StringComparison.Ordinal);
        if (!Guid.TryParse(json ? file[..^5] : file, out var id)
            || await store.GetArticleHistoryAsync(id.ToString("D"), cancellationToken) is not { } history)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (json)
        {
            return Results.Bytes(ArticleHistoryPage.Json(history), "application/json; charset=utf-8");
        }

        context.Response.Headers.ContentSecurityPolicy = ArticleHistoryPage.ContentSecurityPolicy;
        var source = sources().FirstOrDefault(s => s.Id == history.Current.SourceId);
        return Results.Content(ArticleHistoryPage.Render(history, source, handler.Links(context)), "text/html; charset=utf-8");
    }

    private static async Task<IResult> SourcePreviewAsync(
        HttpContext context, string id, FeedRequestHandler handler, IFeedStore store, CurrentSources sources,
        IOptions<PublishingOptions> options, CancellationToken cancellationToken)
    {
        if (sources().FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal)) is not { } source)
        {
            return Results.NotFound();
        }

        var articles = await store.GetArticlesAsync(new ArticleQuery { SourceId = source.Id, Limit = 10 }, cancellationToken);
        var weather = await store.GetWeatherAsync(source.Id, 1, cancellationToken) is [var latest, ..] ? latest : null;
        var status = (await store.GetSourceStatusesAsync(cancellationToken)).FirstOrDefault(s => s.SourceId == source.Id);
        var drift = context.RequestServices.GetService<DriftMonitor>()?.WarningsOf(source.Id) ?? [];
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.ContentSecurityPolicy = SourcePage.ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var html = SourcePage.Render(source, articles, weather, status, drift, handler.Links(context), options.Value.SiteTitle);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary><c>it-과학.rss</c> → (<c>it-과학</c>, <c>rss</c>).</summary>
    private static bool Split(string file, out string name, out string extension)
    {
        var dot = file.LastIndexOf('.');
        name = dot > 0 ? file[..dot] : "";
        extension = dot > 0 ? file[(dot + 1)..] : "";
        return dot > 0 && extension.Length > 0;
    }
}
