namespace NewsFeedWorker.IntegrationTests.Corpus;

/// <summary>How generic extraction did on one corpus page.</summary>
public sealed record CorpusCaseResult
{
    public required string Name { get; init; }
    public required bool Readerable { get; init; }
    public required bool ArticleFound { get; init; }
    public required string ExpectedTitle { get; init; }
    public string? ActualTitle { get; init; }
    public required bool TitleMatches { get; init; }

    /// <summary>The plain text compared, kept for inspecting the worst cases.</summary>
    public required string ExpectedText { get; init; }
    public required string ActualText { get; init; }

    /// <summary>Body-text token F1; null for pages that hold no article.</summary>
    public double? BodyF1 { get; init; }

    /// <summary>Null when the ground truth has no byline.</summary>
    public bool? BylineMatches { get; init; }
    public string? ExpectedByline { get; init; }
    public string? ActualByline { get; init; }

    /// <summary>Null when the ground truth has no publication time.</summary>
    public bool? DateMatches { get; init; }
    public string? ExpectedDate { get; init; }
    public string? ActualDate { get; init; }
}
