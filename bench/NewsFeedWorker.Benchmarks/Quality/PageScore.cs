using System.Text.RegularExpressions;

namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>How one extractor's answer on one page compares with the truth; a null figure was not scored.</summary>
internal sealed partial record PageScore
{
    public required QualityPage Page { get; init; }

    public required Answer Answer { get; init; }

    public BodyScore? Body { get; init; }

    public bool? TitleExact { get; init; }

    public bool? DateRight { get; init; }

    public bool? AuthorsFound { get; init; }

    /// <summary>On an article page, nothing extracted; on a non-article page, true when the extractor rightly gave none.</summary>
    public bool NoArticle { get; init; }

    public static PageScore Of(QualityPage page, Answer answer, Fields fields)
    {
        var truth = page.Truth;
        return new PageScore
        {
            Page = page,
            Answer = answer,
            NoArticle = !answer.HasArticle,
            Body = fields.Text && truth.IsArticle && truth.Body is not null
                ? BodyTokens.Score(answer.Text, truth.Body, BodyTokens.UsesBigrams(page.Language))
                : null,
            TitleExact = fields.Title && truth.Title is not null ? Collapse(answer.Title) == Collapse(truth.Title) : null,
            DateRight = !fields.Date ? null
                : truth.NoDateExpected ? string.IsNullOrWhiteSpace(answer.Date)
                : truth.Date is not null ? DateMatch.SameDay(answer.Date, truth.Date)
                : null,
            AuthorsFound = fields.Authors && truth.Authors is { Count: > 0 } names
                ? names.All(name => Collapse(answer.Authors).Contains(Collapse(name), StringComparison.OrdinalIgnoreCase))
                : null,
        };
    }

    private static string Collapse(string? text) => text is null ? "" : Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
