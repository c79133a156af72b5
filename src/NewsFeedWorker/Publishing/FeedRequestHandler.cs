using System.Globalization;
using Microsoft.Extensions.Options;

namespace NewsFeedWorker.Publishing;

/// <summary>Answers feed requests from the cache, with ETag/Last-Modified validators, 304s and Cache-Control from the schedule.</summary>
public sealed class FeedRequestHandler(FeedCache cache, CurrentSources sources, FeedFreshness freshness, IOptions<PublishingOptions> options)
{
    private OwnLinks? ownLinks;

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
        return rendered is null ? Results.NotFound() : Serve(context, rendered, freshness.CacheControl(feed.SourceId));
    }

    public async Task<IResult> OpmlAsync(HttpContext context, CancellationToken cancellationToken) =>
        Serve(context, await cache.GetOpmlAsync(Links(context), cancellationToken), freshness.CacheControl(null));

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
        return Serve(context, json, freshness.CacheControl(sourceId));
    }

    /// <summary>This service's base URL as readers see it: the configured public URL, else the request's own.</summary>
    public FeedLinks Links(HttpContext context)
    {
        var settings = options.Value;
        if (settings.PublicBaseUrl is { } configured)
        {
            return new FeedLinks(configured, settings.WebSubHubUrl);
        }

        // Readers nearly always reach the service under one name: remember the last one rather than parse a URL per request.
        var request = context.Request;
        var known = Volatile.Read(ref ownLinks);
        if (known is not null && known.Matches(request, settings))
        {
            return known.Links;
        }

        var baseUrl = Uri.TryCreate($"{request.Scheme}://{request.Host}{request.PathBase}/", UriKind.Absolute, out var own) ? own : settings.ExportFallbackBaseUrl;
        known = new OwnLinks(request.Scheme, request.Host.Value, request.PathBase.Value, settings, new FeedLinks(baseUrl, settings.WebSubHubUrl));
        Volatile.Write(ref ownLinks, known);
        return known.Links;
    }

    private static IResult Serve(HttpContext context, RenderedFeed rendered, string cacheControl)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        headers.CacheControl = cacheControl;
        headers.Vary = "Accept-Encoding";
        // Compressed once per render and kept; the compression middleware leaves a response that has an encoding alone.
        var representation = rendered.Representation(ContentCodings.Choose(request, rendered.Content.Length));
        if (representation.ContentEncoding is { } encoding)
        {
            headers.ContentEncoding = encoding;
        }

        // The common cases need no header parsing: no preconditions (200), or If-None-Match with exactly our ETag (304).
        var conditions = request.Headers;
        if (conditions.IfMatch.Count == 0 && conditions.IfUnmodifiedSince.Count == 0 && conditions.IfModifiedSince.Count == 0)
        {
            var ifNoneMatch = conditions.IfNoneMatch;
            if (ifNoneMatch.Count == 0)
            {
                return new FeedResponse(representation, notModified: false);
            }

            if (ifNoneMatch.Count == 1 && string.Equals(ifNoneMatch[0], representation.ETag, StringComparison.Ordinal))
            {
                return new FeedResponse(representation, notModified: true);
            }
        }

        // Anything else (lists, weak or stale tags, dates, If-Match): the file result evaluates the preconditions.
        return Results.Bytes(
            representation.Body,
            representation.ContentType,
            lastModified: representation.LastModified,
            entityTag: representation.EntityTag);
    }

    private bool TryLimit(HttpContext context, out int limit)
    {
        limit = options.Value.DefaultItemCount;
        if (!context.Request.QueryString.HasValue || !context.Request.Query.TryGetValue("limit", out var values))
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

    private sealed record OwnLinks(string Scheme, string? Host, string? PathBase, PublishingOptions Settings, FeedLinks Links)
    {
        // Options are compared by reference: a settings reload makes a new instance, and with it new links.
        public bool Matches(HttpRequest request, PublishingOptions settings) =>
            ReferenceEquals(Settings, settings)
            && string.Equals(Scheme, request.Scheme, StringComparison.Ordinal)
            && string.Equals(Host, request.Host.Value, StringComparison.Ordinal)
            && string.Equals(PathBase, request.PathBase.Value, StringComparison.Ordinal);
    }
}
