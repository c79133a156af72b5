namespace NewsFeedWorker.Parsing;

/// <summary>Everything one page yields: at most one article, weather, teasers and links to follow.</summary>
public sealed record PageParseResult
{
    public required Uri Url { get; init; }

    /// <summary>Null when the page holds no article (a list page, or a broken page).</summary>
    public Article? Article { get; init; }

    /// <summary>Why there is no article, for the log line; null when there is one.</summary>
    public string? NoArticleReason { get; init; }

    public IReadOnlyList<WeatherSnapshot> Weather { get; init; } = [];

    public IReadOnlyList<SectionTeaser> Teasers { get; init; } = [];

    /// <summary>Article links found on the page (absolute, deduplicated, in page order).</summary>
    public IReadOnlyList<Uri> ArticleLinks { get; init; } = [];

    /// <summary>
    /// True when the source's <c>articleLinks.selector</c> matched nothing on the page (its links then come from the
    /// article URL shapes, and <see cref="Errors"/> says so): drift detection counts it.
    /// </summary>
    public bool LinkSelectorMissed { get; init; }

    /// <summary>The next list page, when pagination was found.</summary>
    public Uri? NextPage { get; init; }

    /// <summary>
    /// The fingerprints of the article body's blocks (empty without an article): the cycle records them in the source's
    /// furniture memory, which the parse of its later pages takes as input.
    /// </summary>
    public IReadOnlyList<ulong> BodyBlocks { get; init; } = [];

    /// <summary>
    /// Set when the page could not be parsed at all (its parse threw, its markup is too complex, or it ran past
    /// <c>Parsing:MaxPageTime</c>): a failed page, where <see cref="NoArticleReason"/> alone is an ordinary page without article.
    /// </summary>
    public string? Failure { get; init; }

    /// <summary>Problems worth reporting that did not stop parsing (e.g. a selector that matched nothing).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}
