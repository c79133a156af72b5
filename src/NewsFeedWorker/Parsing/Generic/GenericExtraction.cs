using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>What generic mode found on a page with no selectors: metadata plus the main content element.</summary>
public sealed record GenericExtraction
{
    public string? Title { get; init; }
    public string? Subtitle { get; init; }
    public string? Byline { get; init; }
    /// <summary>The raw date text as found (ISO from meta/JSON-LD, or page text); the parse stage turns it into a time.</summary>
    public string? PublishedText { get; init; }
    public string? ModifiedText { get; init; }
    /// <summary>Every publication date found, most trusted first (<see cref="PublishedText"/> is the first).</summary>
    public IReadOnlyList<DateText> PublishedDates { get; init; } = [];
    /// <summary>Every update date found, most trusted first.</summary>
    public IReadOnlyList<DateText> ModifiedDates { get; init; } = [];
    /// <summary>
    /// The page names itself a news or blog article or a video (a JSON-LD article type other than WebPage/CreativeWork,
    /// <c>og:type</c> article or video, hydration data): a dated page of this kind is an article even with no body.
    /// </summary>
    public bool DeclaresArticleType { get; init; }
    public string? Section { get; init; }
    public string? Excerpt { get; init; }
    public string? SiteName { get; init; }
    public string? Language { get; init; }
    public Uri? Canonical { get; init; }
    public Uri? LeadImage { get; init; }
    /// <summary>The element holding the article body, already stripped of page furniture; null when none was found.</summary>
    public IElement? Content { get; init; }
    /// <summary>
    /// The article's text as the page declares it in its data (JSON-LD <c>articleBody</c>) when content scoring chose
    /// <see cref="Content"/> from the page: the second candidate the chosen part is checked against.
    /// </summary>
    public string? DeclaredText { get; init; }
    /// <summary>The page declares itself an article (JSON-LD article type, <c>og:type</c> article): a short body is still one.</summary>
    public bool DeclaresArticle { get; init; }
    public IReadOnlyDictionary<string, ExtractionMethod> Methods { get; init; } = new Dictionary<string, ExtractionMethod>();
}
