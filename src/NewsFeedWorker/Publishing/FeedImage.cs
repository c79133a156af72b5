namespace NewsFeedWorker.Publishing;

/// <summary>An item's lead image; the media type is null when the URL does not reveal it.</summary>
public sealed record FeedImage(Uri Url, string? MediaType, long? Length);
