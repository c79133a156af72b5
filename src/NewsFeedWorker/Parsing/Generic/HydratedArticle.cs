namespace NewsFeedWorker.Parsing.Generic;

/// <summary>An article object found in a page's hydration data.</summary>
internal sealed record HydratedArticle
{
    public required string Title { get; init; }
    public string? Subtitle { get; init; }
    public string? Author { get; init; }
    public string? PublishedText { get; init; }

    /// <summary>The body as the app stores it: usually HTML, sometimes plain text with line breaks.</summary>
    public required string BodyHtml { get; init; }

    public int BodyLength { get; init; }
}
