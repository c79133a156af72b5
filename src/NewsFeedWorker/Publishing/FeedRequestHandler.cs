using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace NewsFeedWorker.Publishing;

/// <summary>Answers feed requests from the cache, with ETag/Last-Modified validators, 304s and Cache-Control from the schedule.</summary>
public sealed class FeedRequestHandler(FeedCache cache, CurrentSources sources, IOptions<PublishingOptions> options, TimeProvider time)
{
    // A scrape finishes some time after its trigger: caches may keep a feed this much past the next scheduled run.
    private static readonly TimeSpan ScrapeGrace = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MinimumMaxAge = TimeSpan.FromMinutes(1);

    public async Task<IResult> FeedAsync(HttpContext context, FeedDefinition feed, string extension, CancellationToken cancellationToken)
    {
        if (!FeedFormats.TryParse(extension, out var format))
        {
            return Results.NotFound();
        }

        if (!TryLimit(context, out var limit))
        {
            return Results.Problem(statusCode: 400, title: "Bad limit", detail: $"limit must be a whole number from 1 to {options.Value.MaxItemCount}.");
        }

        var rendered = await cache.GetFeedAsync(feed, format, limit, Links(context), cancellationToken);
        return rendered is null ? Results.NotFound() : Serve(context, rendered, MaxAge(feed));
    }

    public async Task<IResult> OpmlAsync(HttpContext context, CancellationToken cancellationToken) =>
        Serve(context, await cache.GetOpmlAsync(Links(context), cancellationToken), MaxAge(FeedDefinition.All));

    public async Task<IResult> WeatherReadingsAsync(HttpContext context, string? sourceId, CancellationToken cancellationToken)
    {
        if (!TryLimit(context, out var limit))
        {
            return Results.Problem(statusCode: 400, title: "Bad limit", detail: $"limit must be a whole number from 1 to {options.Value.MaxItemCount}.");
        }

        if (sourceId is not null && !sources().Any(s => s.Id == sourceId))
        {
            return Results.NotFound();
        }

        var json = await cache.GetWeatherJsonAsync(sourceId, limit, cancellationToken);
        return Serve(context, json, MaxAge(sourceId is null ? FeedDefinition.Weather : FeedDefinition.ForSourceWeather(sourceId)));
    }

    /// <summary>This service's base URL as readers see it: the configured public URL, else the request's own.</summary>
    public FeedLinks Links(HttpContext context)
    {
        var request = context.Request;
        var settings = options.Value;
        var baseUrl = settings.PublicBaseUrl
            ?? (Uri.TryCreate($"{request.Scheme}://{request.Host}{request.PathBase}/", UriKind.Absolute, out var own) ? own : settings.ExportFallbackBaseUrl);
        return new FeedLinks(baseUrl, settings.WebSubHubUrl);
    }

    private static IResult Serve(HttpContext context, RenderedFeed rendered, TimeSpan maxAge)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        headers.Vary = "Accept-Encoding";
        // Compressed once per render and kept; the compression middleware leaves a response that has an encoding alone.
        var coding = ContentCodings.Choose(context.Request, rendered.Content.Length);
        if (coding.HeaderValue() is { } encoding)
        {
            headers.ContentEncoding = encoding;
        }

        // The file result evaluates If-None-Match (first) and If-Modified-Since and answers 304 itself.
        return Results.Bytes(
            rendered.Body(coding),
            rendered.ContentType,
            lastModified: rendered.LastModified,
            entityTag: new EntityTagHeaderValue(rendered.ETagFor(coding)));
    }

    private bool TryLimit(HttpContext context, out int limit)
    {
        limit = options.Value.DefaultItemCount;
        if (!context.Request.Query.TryGetValue("limit", out var values))
        {
            return true;
        }

        if (!int.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var asked) || asked < 1)
        {
            return false;
        }

        limit = Math.Min(asked, options.Value.MaxItemCount);
        return true;
    }

    /// <summary>Until shortly after the next scheduled scrape of the feed's sources, never longer than its ttl.</summary>
    private TimeSpan MaxAge(FeedDefinition feed)
    {
        var behind = sources().Where(s => s.Enabled && (feed.SourceId is null || s.Id == feed.SourceId)).ToList();
        var ttl = FeedDocumentBuilder.TimeToLive(behind);
        var now = time.GetUtcNow();
        var next = behind.Select(s => SourceSchedule.NextRun(s, now)).Where(n => n is not null).Select(n => n!.Value).DefaultIfEmpty(now + ttl).Min();
        var maxAge = next - now + ScrapeGrace;
        return maxAge < MinimumMaxAge ? MinimumMaxAge : maxAge > ttl ? ttl : maxAge;
    }
}
