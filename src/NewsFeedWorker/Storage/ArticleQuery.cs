namespace NewsFeedWorker.Storage;

/// <summary>Which articles a feed shows: one source, one category, or all (near-duplicates once), newest first.</summary>
public sealed record ArticleQuery
{
    public string? SourceId { get; init; }
    /// <summary>Category slug (see <see cref="CategorySlug"/>).</summary>
    public string? CategorySlug { get; init; }
    /// <summary>Hide near-duplicates of an earlier article (the combined feed).</summary>
    public bool CollapseNearDuplicates { get; init; }
    /// <summary>Only articles first seen at or after this time (alerts read what is new since their last pass).</summary>
    public DateTimeOffset? FirstSeenSince { get; init; }
    public int Limit { get; init; } = 50;
}
