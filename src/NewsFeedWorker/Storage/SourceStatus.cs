namespace NewsFeedWorker.Storage;

/// <summary>How a source's runs have gone, for the index page and /health.</summary>
public sealed record SourceStatus
{
    public required string SourceId { get; init; }
    public DateTimeOffset? LastRun { get; init; }
    public DateTimeOffset? LastSuccess { get; init; }
    public DateTimeOffset? LastErrorAt { get; init; }
    public string? LastError { get; init; }
    public int ConsecutiveFailures { get; init; }

    /// <summary>Pages that failed in the last run (fetch, parse, too complex); any makes the run a failed one.</summary>
    public int FailedPages { get; init; }
    public int ArticlesLast24h { get; init; }
    public int TotalArticles { get; init; }
}
