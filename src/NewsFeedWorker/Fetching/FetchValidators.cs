namespace NewsFeedWorker.Fetching;

/// <summary>What a conditional GET sends back to the server: the ETag and Last-Modified it gave last time.</summary>
public sealed record FetchValidators(string? ETag, DateTimeOffset? LastModified)
{
    public static FetchValidators None { get; } = new(null, null);
}
