namespace NewsFeedWorker.Publishing;

/// <summary>A feed as listed on the index page, in OPML and in the static export.</summary>
public sealed record FeedEntry(FeedDefinition Definition, string Title, Uri? HomeLink);
