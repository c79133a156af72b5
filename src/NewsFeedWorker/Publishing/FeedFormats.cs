namespace NewsFeedWorker.Publishing;

/// <summary>File extensions and media types of the feed formats.</summary>
public static class FeedFormats
{
    public static IReadOnlyList<FeedFormat> All { get; } = [FeedFormat.Rss, FeedFormat.Atom, FeedFormat.Json];

    /// <summary>The media types the response compression must cover.</summary>
    public static IReadOnlyList<string> MediaTypes { get; } =
        ["application/rss+xml", "application/atom+xml", "application/feed+json", "text/x-opml", "application/json", "text/html"];

    public static string Extension(this FeedFormat format) => format switch
    {
        FeedFormat.Rss => "rss",
        FeedFormat.Atom => "atom",
        _ => "json",
    };

    public static string ContentType(this FeedFormat format) => format switch
    {
        FeedFormat.Rss => "application/rss+xml; charset=utf-8",
        FeedFormat.Atom => "application/atom+xml; charset=utf-8",
        _ => "application/feed+json; charset=utf-8",
    };

    /// <summary>The media type without parameters, as used in autodiscovery links and OPML.</summary>
    public static string MediaType(this FeedFormat format) => format.ContentType().Split(';')[0];

    public static bool TryParse(string extension, out FeedFormat format)
    {
        switch (extension.ToLowerInvariant())
        {
            case "rss":
            case "xml":
                format = FeedFormat.Rss;
                return true;
            case "atom":
                format = FeedFormat.Atom;
                return true;
            case "json":
                format = FeedFormat.Json;
                return true;
            default:
                format = default;
                return false;
        }
    }
}
