namespace NewsFeedWorker.Fetching;

/// <summary>What one HTTP exchange (one hop, retries included) brought back, body already read within limits.</summary>
public sealed record HopResponse
{
    public required int Status { get; init; }

    public Uri? Location { get; init; }

    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    public string? ContentType { get; init; }

    public string? Charset { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public required byte[] Body { get; init; }
}
