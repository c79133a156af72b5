namespace NewsFeedWorker.Publishing;

/// <summary>A feed as listed on the index page, in OPML and in the static export.</summary>
/// <param name="Title">The feed's own title (as readers show it).</param>
/// <param name="Label">A short name for the index page, e.g. <c>IT/과학</c> for a category feed.</param>
public sealed record FeedEntry(FeedDefinition Definition, string Title, Uri? HomeLink, string Label);
