namespace NewsFeedWorker.Publishing.Serving;

/// <summary>
/// What a cached feed, document, listing or JSON depends on besides the store version: the sources in force (by
/// fingerprint), the feed, the item limit, the format and the links it is rendered with. A value, so a request builds
/// no key string.
/// </summary>
public readonly record struct FeedCacheKey(string Sources, string What, string? Path = null, int Limit = 0, FeedFormat? Format = null, string? BaseUrl = null, string? Hub = null);
