namespace NewsFeedWorker.Sources;

/// <summary>How article links are found on list pages.</summary>
public sealed record ArticleLinkRules
{
    /// <summary>CSS selector for article anchors; null means every same-site link whose URL matches <see cref="UrlPattern"/>.</summary>
    public string? Selector { get; init; }

    /// <summary>Regular expression an article URL must match; null uses built-in news URL shapes (<c>articleView.html?idxno=</c> …).</summary>
    public string? UrlPattern { get; init; }

    /// <summary>CSS selector for the "next page" link on list pages.</summary>
    public string? NextPage { get; init; }

    /// <summary>How many list pages to follow from each start URL (1 = only the start page).</summary>
    public int MaxPages { get; init; } = 1;

    /// <summary>Upper bound on article pages fetched per cycle.</summary>
    public int MaxArticles { get; init; } = 50;
}
