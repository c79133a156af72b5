namespace NewsFeedWorker.Publishing.Serving;

/// <summary>Picks a response's content coding from the request's Accept-Encoding.</summary>
public static class ContentCodings
{
    // Below this a compressed body saves nothing worth the client's decoding.
    private const int MinimumLength = 512;

    public static ContentCoding Choose(HttpRequest request, int length)
    {
        // No Accept-Encoding means identity; checked before the typed headers parse the field.
        if (length < MinimumLength || request.Headers.AcceptEncoding.Count == 0)
        {
            return ContentCoding.Identity;
        }

        var accepted = request.GetTypedHeaders().AcceptEncoding;
        // An explicit entry wins over "*"; absent both, the coding is not accepted.
        double Quality(string coding) =>
            (accepted.FirstOrDefault(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase))
                ?? accepted.FirstOrDefault(a => a.Value == "*")) is { } entry
                ? entry.Quality ?? 1.0
                : 0;

        var br = Quality("br");
        var gzip = Quality("gzip");
        return br > 0 && br >= gzip ? ContentCoding.Brotli : gzip > 0 ? ContentCoding.Gzip : ContentCoding.Identity;
    }

    /// <summary>The Content-Encoding header value; null for identity.</summary>
    public static string? HeaderValue(this ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => "br",
        ContentCoding.Gzip => "gzip",
        _ => null,
    };
}
