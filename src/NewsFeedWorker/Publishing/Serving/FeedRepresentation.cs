using Microsoft.Net.Http.Headers;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>
/// One content coding of a rendered feed with every response header value it needs, formatted once at render time
/// rather than per request.
/// </summary>
public sealed record FeedRepresentation
{
    public required byte[] Body { get; init; }

    public required string ContentType { get; init; }

    /// <summary>The Content-Encoding header value; null for identity.</summary>
    public required string? ContentEncoding { get; init; }

    /// <summary>The strong ETag, quoted, as sent: <c>"tag-br"</c>.</summary>
    public required string ETag { get; init; }

    public required EntityTagHeaderValue EntityTag { get; init; }

    /// <summary>Last-Modified, rounded down to whole seconds as HTTP dates are.</summary>
    public required DateTimeOffset? LastModified { get; init; }

    /// <summary>The Last-Modified header value (IMF-fixdate), or null.</summary>
    public required string? LastModifiedHeader { get; init; }

    public static FeedRepresentation Create(byte[] body, string contentType, ContentCoding coding, string etag, DateTimeOffset? lastModified)
    {
        var seconds = lastModified is { } value ? value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond)) : (DateTimeOffset?)null;
        return new FeedRepresentation
        {
            Body = body,
            ContentType = contentType,
            ContentEncoding = coding.HeaderValue(),
            ETag = etag,
            EntityTag = new EntityTagHeaderValue(etag),
            LastModified = seconds,
            LastModifiedHeader = seconds is { } date ? HeaderUtilities.FormatDate(date) : null,
        };
    }
}
