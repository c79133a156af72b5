using System.Globalization;

namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>Renders set results as Markdown: per set, per language, and the pages where the product trails the best peer most.</summary>
internal static class QualityReport
{
    /// <summary>The peer every set compares against per language (it answers on all four kinds of page).</summary>
    private const string Reference = "trafilatura";

    public static void Write(SetResult result, int worst, TextWriter output)
    {
        output.WriteLine($"## {result.Set} ({result.Pages.Count} pages)");
        output.WriteLine();
        output.WriteLine("| extractor | body pages | F1 mean | F1 median | precision | recall | no article | titles exact | dates to the day | authors | non-articles without article |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var summaries = result.Summaries().ToList();
        foreach (var summary in summaries.OrderByDescending(s => s.Extractor == ProductAnswers.Name).ThenByDescending(s => s.F1Mean ?? -1)
                     .ThenByDescending(s => Share(s.Dates)))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Name(summary.Extractor)} | {summary.BodyPages} | {F(summary.F1Mean)} | {F(summary.F1Median)} | {F(summary.PrecisionMean)} | {F(summary.RecallMean)} | {summary.NoArticle?.ToString(CultureInfo.InvariantCulture) ?? "–"} | {R(summary.Titles)} | {R(summary.Dates)} | {R(summary.Authors)} | {R(summary.NonArticles)} |"));
        }

        output.WriteLine();
        WriteLanguages(result, output);
        WriteWorst(result, worst, output);
    }

    private static void WriteLanguages(SetResult result, TextWriter output)
    {
        var languages = result.Pages.GroupBy(p => p.Language).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (languages.Count < 2)
        {
            return;
        }

        var reference = result.Scores.ContainsKey(Reference) ? Reference : null;
        output.WriteLine($"Per language (ours / {reference ?? "no reference peer"}):");
        output.WriteLine();
        output.WriteLine("| language | pages | F1 mean | F1 median | titles exact | dates to the day |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var language in languages)
        {
            var ours = result.Summaries(p => p.Language == language.Key).Single(s => s.Extractor == ProductAnswers.Name);
            var peer = reference is null ? null : result.Summaries(p => p.Language == language.Key).Single(s => s.Extractor == reference);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {language.Key} | {language.Count()} | {F(ours.F1Mean)} / {F(peer?.F1Mean)} | {F(ours.F1Median)} / {F(peer?.F1Median)} | {R(ours.Titles)} / {R(peer?.Titles)} | {R(ours.Dates)} / {R(peer?.Dates)} |"));
        }

        output.WriteLine();
    }

    private static void WriteWorst(SetResult result, int count, TextWriter output)
    {
        if (count <= 0)
        {
            return;
        }

        var ours = result.Ours;
        var gaps = new List<(double Gap, string Line)>();
        for (var i = 0; i < ours.Count; i++)
        {
            var score = ours[i];
            if (score.Body is { } body && result.BestPeer(i) is { } best && best.Score.F1 - body.F1 > 0.02)
            {
                gaps.Add((best.Score.F1 - body.F1, string.Create(CultureInfo.InvariantCulture,
                    $"| {score.Page.Id} | {body.F1:F3} (P {body.Precision:F2}, R {body.Recall:F2}) | {best.Peer} {best.Score.F1:F3} | {Why(score)} |")));
            }
            else if (score.DateRight == false && result.Scores.Any(pair => pair.Key != ProductAnswers.Name && pair.Value[i].DateRight == true))
            {
                // Date-only sets: a page where a peer has the day and we do not weighs as one whole miss.
                gaps.Add((score.Body is null ? 1 : 0, $"| {score.Page.Id} | date {score.Answer.Date ?? "none"} | truth {score.Page.Truth.Date} | {Why(score)} |"));
            }
        }

        if (gaps.Count == 0)
        {
            return;
        }

        output.WriteLine($"Where the product trails the best peer most ({Math.Min(count, gaps.Count)} of {gaps.Count}; `quality --explain ID` shows why):");
        output.WriteLine();
        output.WriteLine("| page | ours | best peer | why |");
        output.WriteLine("|---|---|---|---|");
        foreach (var (_, line) in gaps.OrderByDescending(g => g.Gap).Take(count))
        {
            output.WriteLine(line);
        }

        output.WriteLine();
    }

    /// <summary>A one-phrase reason: the parser's own when it found no article, else what the token figures say.</summary>
    public static string Why(PageScore score)
    {
        if (score.NoArticle)
        {
            return score.Answer.Reason ?? "no article";
        }

        if (score.Body is not { } body)
        {
            return score.Answer.Date is null ? "no date found" : "another date chosen";
        }

        return body.Precision < body.Recall - 0.1 ? "kept text the truth leaves out"
            : body.Recall < body.Precision - 0.1 ? "missed text the truth has"
            : "both kept extra and missed text";
    }

    private static string Name(string extractor) => extractor == ProductAnswers.Name ? $"**{extractor}**" : extractor;

    private static string F(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "–";

    private static double Share((int Right, int Of)? rate) => rate is { Of: > 0 } r ? (double)r.Right / r.Of : -1;

    private static string R((int Right, int Of)? rate)
        => rate is { } r ? string.Create(CultureInfo.InvariantCulture, $"{100.0 * r.Right / r.Of:F1} % ({r.Right}/{r.Of})") : "–";
}
