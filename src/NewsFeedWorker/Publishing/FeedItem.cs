namespace NewsFeedWorker.Publishing;

/// <summary>One entry of a feed, format-neutral, with text already made safe for XML and HTML.</summary>
public sealed record FeedItem
{
    /// <summary>A stable IRI: <c>urn:uuid:…</c> (or the stored <c>urn:</c>/<c>tag:</c> id).</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required Uri Link { get; init; }
    public required DateTimeOffset Published { get; init; }
    public required DateTimeOffset Updated { get; init; }
    public string? Author { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string? Summary { get; init; }
    /// <summary>Sanitized HTML (credit and related links included).</summary>
    public required string ContentHtml { get; init; }
    public FeedImage? Image { get; init; }
    public IReadOnlyList<Uri> RelatedLinks { get; init; } = [];
    public string? Language { get; init; }
    /// <summary>The source the item came from (named in combined feeds).</summary>
    public string? SourceId { get; init; }
    public string? SourceName { get; init; }
    /// <summary>The article whose history page (<c>/articles/{id}</c>) the item links to ("수정 이력"); null for weather.</summary>
    public string? HistoryId { get; init; }
}
