namespace NewsFeedWorker.Sources;

/// <summary>Per-source overrides of how gently a host is fetched; nulls take the global defaults.</summary>
public sealed record PolitenessSettings
{
    /// <summary>Minimum delay between two requests to one host.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Maximum concurrent requests to one host.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>Obey robots.txt (default true; opting out is logged at start-up).</summary>
    public bool ObeyRobotsTxt { get; init; } = true;
}
