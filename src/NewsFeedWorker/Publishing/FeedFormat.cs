namespace NewsFeedWorker.Publishing;

/// <summary>The three syndication formats every feed is served in.</summary>
public enum FeedFormat
{
    Rss,
    Atom,
    Json,
}
