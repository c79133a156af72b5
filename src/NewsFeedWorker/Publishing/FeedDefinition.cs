namespace NewsFeedWorker.Publishing;

/// <summary>One feed (in all three formats): what it lists and its path under <c>/feeds/</c> without the extension.</summary>
public sealed record FeedDefinition
{
    public required FeedKind Kind { get; init; }

    /// <summary>Path under <c>/feeds/</c> (and the export folder) without extension, e.g. <c>category/it-과학</c>.</summary>
    public required string Path { get; init; }

    public string? SourceId { get; init; }

    public string? CategorySlug { get; init; }

    public string? TopicId { get; init; }

    /// <summary>Keywords of an ad-hoc feed (<c>/feeds/all.rss?q=…</c>): every one must occur, as a topic's <c>all</c>.</summary>
    public string? Query { get; init; }

    /// <summary>What tells this feed's renders apart in a cache: the path, and the query of an ad-hoc feed.</summary>
    public string CacheName => Query is null ? Path : $"{Path}?q={Query}";

    public bool IsWeather => Kind is FeedKind.Weather or FeedKind.SourceWeather;

    public static FeedDefinition ForSource(string sourceId) => new() { Kind = FeedKind.Source, Path = sourceId, SourceId = sourceId };

    public static FeedDefinition ForSourceWeather(string sourceId) =>
        new() { Kind = FeedKind.SourceWeather, Path = $"{sourceId}/weather", SourceId = sourceId };

    public static FeedDefinition ForSourceCorrections(string sourceId) =>
        new() { Kind = FeedKind.SourceCorrections, Path = $"{sourceId}/corrections", SourceId = sourceId };

    public static FeedDefinition ForCategory(string slug) => new() { Kind = FeedKind.Category, Path = $"category/{slug}", CategorySlug = slug };

    public static FeedDefinition ForTopic(string topicId) => new() { Kind = FeedKind.Topic, Path = $"topic/{topicId}", TopicId = topicId };

    /// <summary>The combined feed narrowed to articles holding every keyword of <paramref name="query"/>.</summary>
    public static FeedDefinition AllMatching(string query) => new() { Kind = FeedKind.All, Path = "all", Query = query };

    public static FeedDefinition All { get; } = new() { Kind = FeedKind.All, Path = "all" };

    public static FeedDefinition Weather { get; } = new() { Kind = FeedKind.Weather, Path = "weather" };

    public static FeedDefinition Corrections { get; } = new() { Kind = FeedKind.Corrections, Path = "corrections" };

    /// <summary>The feed's URL path relative to the site root, e.g. <c>feeds/all.rss</c> (segments percent-encoded).</summary>
    public string RelativeUrl(FeedFormat format) =>
        "feeds/" + string.Join('/', Path.Split('/').Select(Uri.EscapeDataString)) + "." + format.Extension()
        + (Query is null ? "" : "?q=" + Uri.EscapeDataString(Query));
}
