namespace NewsFeedWorker.Sources;

/// <summary>Configured-mode CSS selectors for the fields of an article page.</summary>
public sealed record ArticleSelectors
{
    public string? Title { get; init; }
    public string? Subtitle { get; init; }
    public string? Author { get; init; }
    public string? Published { get; init; }
    public string? Updated { get; init; }
    public string? Category { get; init; }
    public string? Summary { get; init; }
    public string? Body { get; init; }
    public string? Credit { get; init; }
    public string? LeadImage { get; init; }

    /// <summary>Page furniture removed from the body before extraction.</summary>
    public IReadOnlyList<string> Remove { get; init; } = [];

    /// <summary>Section teaser blocks (e.g. "정치 더보기"); each block's heading is its section.</summary>
    public string? TeaserBlock { get; init; }
}
