using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>Answers feed requests from the cache, with ETag/Last-Modified validators, 304s and Cache-Control from the schedule.</summary>
public sealed class FeedRequestHandler(FeedCache cache, CurrentSources sources, FeedFreshness freshness, IOptions<PublishingOptions> options, IEnumerable<IServer> servers)
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

        if (context.Request.Query.TryGetValue("q", out var q) && feed == FeedDefinition.All)
        {
            if (AdHocQuery(q.ToString()) is not { } query)
            {
                return Results.Problem(statusCode: 400, title: "Bad query",
                    detail: $"q must hold 1 to {MaxQueryWords} keywords separated by spaces, at most {MaxQueryLength} characters in all.");
            }

            feed = FeedDefinition.AllMatching(query);
        }

        var rendered = await cache.GetFeedAsync(feed, format, limit, Links(context), cancellationToken);
        return rendered is null ? Results.NotFound() : Serve(context, rendered, freshness.CacheControl(feed.SourceId));
    }

    /// <summary>Longest <c>?q=</c> accepted, in characters.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>Most keywords in one <c>?q=</c>.</summary>
    public const int MaxQueryWords = 5;

    /// <summary>The query's keywords joined by single spaces (so spellings that differ in spacing share a render); null when out of bounds.</summary>
    public static string? AdHocQuery(string q)
    {
        var words = q.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var joined = string.Join(' ', words);
        return words.Length is >= 1 and <= MaxQueryWords && joined.Length <= MaxQueryLength && !joined.Any(char.IsControl) ? joined : null;
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

    /// <summary>
    /// This service's base URL as readers see it: <c>Publishing:PublicBaseUrl</c>, else the address it listens on. Never
    /// the request's <c>Host</c> header: each distinct one made a render and a compression of its own (a client
    /// sending random names got 20 feeds/s instead of thousands), and the feed's self link is not the client's to set.
    /// </summary>
    public FeedLinks Links(HttpContext context)
    {
        _ = context;
        var settings = options.Value;
        var known = Volatile.Read(ref ownLinks);
        if (known is not null && ReferenceEquals(known.Settings, settings))
        {
            return known.Links;
        }

        var baseUrl = settings.PublicBaseUrl ?? ListenUrl() ?? settings.ExportFallbackBaseUrl;
        known = new OwnLinks(settings, new FeedLinks(baseUrl, settings.WebSubHubUrl));
        Volatile.Write(ref ownLinks, known);
        return known.Links;
    }

    /// <summary>The first address the server listens on (its real port when configured as 0), a wildcard host as <c>localhost</c>.</summary>
    private Uri? ListenUrl()
    {
        // The last registration is the one the host runs (as with GetService), as in the slim builder plus UseKestrel.
        var addresses = servers.LastOrDefault()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault(a => a.StartsWith("http", StringComparison.OrdinalIgnoreCase));
        if (first is null)
        {
            return null;
        }

        var wildcard = first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(wildcard.TrimEnd('/') + "/", UriKind.Absolute, out var url) ? url : null;
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

        limit = SharedLimit(Math.Min(asked, options.Value.MaxItemCount), options.Value.DefaultItemCount);
        return true;
    }

    /// <summary>
    /// The asked limit rounded down to 1, 2, 5, 10, 20, 50, 100, 200, 500, … or to the default when that is nearer: every
    /// <c>?limit=</c> a client makes up shares one of a few cached renders instead of costing a render of its own.
    /// </summary>
    public static int SharedLimit(int asked, int defaultCount)
    {
        var shared = 1;
        for (var magnitude = 1; magnitude <= asked; magnitude *= 10)
        {
            foreach (var multiple in (ReadOnlySpan<int>)[1, 2, 5])
            {
                shared = multiple * magnitude <= asked ? multiple * magnitude : shared;
            }
        }

        return defaultCount <= asked && defaultCount > shared ? defaultCount : shared;
    }

    /// <summary>Links for one settings instance: a settings reload makes a new instance, and with it new links.</summary>
    private sealed record OwnLinks(PublishingOptions Settings, FeedLinks Links);
}
