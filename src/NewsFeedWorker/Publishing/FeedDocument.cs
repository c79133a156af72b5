namespace NewsFeedWorker.Publishing;

/// <summary>A feed's content, format-neutral: rendered to RSS, Atom and JSON Feed by the writers.</summary>
public sealed record FeedDocument
{
    public required FeedDefinition Definition { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    /// <summary>The site the feed is about; null means this service's index page.</summary>
    public Uri? HomeLink { get; init; }
    public string? Language { get; init; }
    /// <summary>How often the feed's sources are scraped (RSS <c>ttl</c>, Cache-Control).</summary>
    public required TimeSpan TimeToLive { get; init; }
    /// <summary>The source names behind the feed (Atom requires an author).</summary>
    public required string AuthorName { get; init; }
    public required IReadOnlyList<FeedItem> Items { get; init; }

    /// <summary>The ids of the sources behind the feed.</summary>
    public IReadOnlyList<string> SourceIds { get; init; } = [];

    /// <summary>For an empty feed, the time it is empty as of (its sources' last run); null while it has items.</summary>
    public DateTimeOffset? EmptySince { get; init; }

    /// <summary>The newest item's update time; for an empty feed <see cref="EmptySince"/> (never "now").</summary>
    public DateTimeOffset? Updated => Items.Count == 0 ? EmptySince : Items.Max(i => i.Updated);
}
