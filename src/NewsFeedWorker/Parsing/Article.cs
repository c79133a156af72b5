namespace NewsFeedWorker.Parsing;

/// <summary>One news article as extracted from its page.</summary>
public sealed record Article
{
    /// <summary>The page's canonical URL (its <c>rel=canonical</c> when on the same site, else the final URL).</summary>
    public required Uri Url { get; init; }

    public required string Title { get; init; }

    public string? Subtitle { get; init; }

    public string? Author { get; init; }

    /// <summary>Publication time in the source's time zone; null when the page does not say.</summary>
    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public string? Category { get; init; }

    public string? Summary { get; init; }

    /// <summary>Sanitized body HTML with absolute URLs.</summary>
    public required string BodyHtml { get; init; }

    /// <summary>The body as plain text, paragraphs separated by blank lines.</summary>
    public required string BodyText { get; init; }

    public Uri? LeadImage { get; init; }

    public IReadOnlyList<Uri> Images { get; init; } = [];

    /// <summary>Who the news came from, e.g. <c>행정안전부</c> from <c>[뉴스출처 : 행정안전부]</c>.</summary>
    public string? Origin { get; init; }

    public string? Language { get; init; }

    /// <summary>For each field name (camelCase, as in the JSON output) the method that produced it.</summary>
    public IReadOnlyDictionary<string, ExtractionMethod> Methods { get; init; } = new Dictionary<string, ExtractionMethod>();
}
