using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Storage;

/// <summary>An article as stored: its stable id (feed GUID), first-seen time and near-duplicate links.</summary>
public sealed record StoredArticle
{
    /// <summary>Stable id derived from the canonical URL; never changes, also when the title is edited.</summary>
    public required string Id { get; init; }
    public required string SourceId { get; init; }
    public required Article Article { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    public DateTimeOffset? LastChanged { get; init; }
    /// <summary>When a material change (a correction) was last seen; null while the article is as first seen.</summary>
    public DateTimeOffset? RevisedAt { get; init; }
    /// <summary>How many previous versions are kept (<see cref="IFeedStore.GetArticleHistoryAsync"/>).</summary>
    public int Revisions { get; init; }
    /// <summary>The fields the last correction changed (<see cref="Dedupe.MaterialChange"/> names).</summary>
    public IReadOnlyList<string> RevisedFields { get; init; } = [];
    /// <summary>The id of the first copy when this is a near-duplicate of an earlier article.</summary>
    public string? NearDuplicateOf { get; init; }
    /// <summary>Hamming distance (bits of 64) between this article's fingerprint and its first copy's.</summary>
    public int? NearDuplicateDistance { get; init; }
    /// <summary>Links to the other copies (for the combined feed).</summary>
    public IReadOnlyList<Uri> RelatedLinks { get; init; } = [];
    /// <summary>The page's category plus the source's configured ones.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
}
