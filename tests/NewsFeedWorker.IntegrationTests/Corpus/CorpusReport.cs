using System.Globalization;
using System.Text;

namespace NewsFeedWorker.IntegrationTests.Corpus;

/// <summary>Aggregate figures over the corpus and their rendering as Markdown.</summary>
public sealed record CorpusReport(IReadOnlyList<CorpusCaseResult> Cases)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public IEnumerable<CorpusCaseResult> Articles => Cases.Where(c => c.Readerable);

    public double MeanF1 => Articles.Average(c => c.BodyF1 ?? 0);

    public double MedianF1
    {
        get
        {
            var sorted = Articles.Select(c => c.BodyF1 ?? 0).Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    public double TitleExactRate => Articles.Average(c => c.TitleMatches ? 1.0 : 0.0);

    public int DatedCases => Articles.Count(c => c.DateMatches is not null);

    public double DateAccuracy => DatedCases == 0 ? 1 : Articles.Where(c => c.DateMatches is not null).Average(c => c.DateMatches == true ? 1.0 : 0.0);

    public int BylineCases => Articles.Count(c => c.BylineMatches is not null);

    public double BylineExactRate => BylineCases == 0 ? 1 : Articles.Where(c => c.BylineMatches is not null).Average(c => c.BylineMatches == true ? 1.0 : 0.0);

    public int NonArticleCases => Cases.Count(c => !c.Readerable);

    public double NonArticleRejectionRate => NonArticleCases == 0 ? 1 : Cases.Where(c => !c.Readerable).Average(c => c.ArticleFound ? 0.0 : 1.0);

    public string Summary() => string.Create(Invariant,
        $"""
        | Measure | Value |
        |---|---|
        | Pages (article / non-article) | {Cases.Count} ({Articles.Count()} / {NonArticleCases}) |
        | Body-text token F1, mean (articles) | {MeanF1:0.000} |
        | Body-text token F1, median (articles) | {MedianF1:0.000} |
        | Title exact match (articles) | {TitleExactRate:P1} ({Articles.Count(c => c.TitleMatches)}/{Articles.Count()}) |
        | Date accuracy (where publishedTime is set) | {DateAccuracy:P1} ({Articles.Count(c => c.DateMatches == true)}/{DatedCases}) |
        | Byline exact match (where a byline is expected; not a target) | {BylineExactRate:P1} ({Articles.Count(c => c.BylineMatches == true)}/{BylineCases}) |
        | Non-article pages yielding no article | {NonArticleRejectionRate:P1} ({Cases.Count(c => !c.Readerable && !c.ArticleFound)}/{NonArticleCases}) |
        """);

    public string Table()
    {
        var builder = new StringBuilder();
        builder.AppendLine("| Case | Article? | F1 | Title | Date | Actual title (when wrong) |");
        builder.AppendLine("|---|---|---|---|---|---|");
        foreach (var c in Cases.OrderBy(c => c.BodyF1 ?? 2).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            var article = c.Readerable ? (c.ArticleFound ? "yes" : "MISSED") : (c.ArticleFound ? "FALSE POSITIVE" : "no (ok)");
            var f1 = c.BodyF1 is { } f ? f.ToString("0.000", Invariant) : "–";
            var title = c.Readerable ? (c.TitleMatches ? "ok" : "WRONG") : "–";
            var date = c.DateMatches switch { true => "ok", false => $"WRONG ({c.ActualDate ?? "none"} vs {c.ExpectedDate})", null => "–" };
            var wrongTitle = c.Readerable && !c.TitleMatches ? $"`{c.ActualTitle}` vs `{c.ExpectedTitle}`".Replace("|", "\\|", StringComparison.Ordinal) : string.Empty;
            builder.AppendLine(Invariant, $"| {c.Name} | {article} | {f1} | {title} | {date} | {wrongTitle} |");
        }

        builder.AppendLine().AppendLine("| Byline mismatch | Expected | Actual |").AppendLine("|---|---|---|");
        foreach (var c in Cases.Where(c => c.Readerable && c.BylineMatches == false))
        {
            builder.AppendLine(Invariant, $"| {c.Name} | `{c.ExpectedByline}` | `{c.ActualByline}` |");
        }

        return builder.ToString();
    }
}
