namespace NewsFeedWorker.Fetching;

/// <summary>One fetch as recorded for health and metrics: what was asked, what came back, what it cost.</summary>
public sealed record FetchOutcome
{
    public required string SourceId { get; init; }

    public required Uri Url { get; init; }

    /// <summary><c>fetched</c>, <c>not_modified</c> or <c>failed</c>.</summary>
    public required string Result { get; init; }

    public int? Status { get; init; }

    public long Bytes { get; init; }

    public int Attempts { get; init; }

    public TimeSpan Duration { get; init; }

    public FetchErrorKind? ErrorKind { get; init; }

    public static FetchOutcome From(string sourceId, FetchResult result) => result switch
    {
        Fetched f => new() { SourceId = sourceId, Url = f.RequestedUrl, Result = "fetched", Status = f.Status, Bytes = f.Body.Length, Attempts = f.Attempts, Duration = f.Elapsed },
        NotModified n => new() { SourceId = sourceId, Url = n.RequestedUrl, Result = "not_modified", Status = 304, Attempts = n.Attempts, Duration = n.Elapsed },
        FetchFailed x => new() { SourceId = sourceId, Url = x.RequestedUrl, Result = "failed", Status = x.Status, Attempts = x.Attempts, Duration = x.Elapsed, ErrorKind = x.Kind },
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.GetType().Name, "unknown fetch result"),
    };
}
