namespace NewsFeedWorker.Publishing;

/// <summary>The HTTP face of the feeds: /feeds/*, /opml and the index page.</summary>
public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeedEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
