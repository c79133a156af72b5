namespace NewsFeedWorker.Publishing;

/// <summary>Absolute URLs of this service as readers see it (the public base URL, or the request's own).</summary>
public sealed record FeedLinks
{
    public FeedLinks(Uri baseUrl, Uri? hub)
    {
        BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        Hub = hub;
    }

    public Uri BaseUrl { get; }

    public Uri? Hub { get; }

    public Uri Self(FeedDefinition feed, FeedFormat format) => new(BaseUrl, feed.RelativeUrl(format));

    public Uri Opml => new(BaseUrl, "opml");
}
