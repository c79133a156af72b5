using System.Globalization;

namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary><c>quality --explain ID</c>: everything about one page: each field against the truth, the peers' F1, the missed and extra tokens.</summary>
internal static class PageExplainer
{
    public static void Write(SetResult result, int index, string textsFolder, TextWriter output)
    {
        var score = result.Ours[index];
        var page = score.Page;
        var truth = page.Truth;
        var answer = score.Answer;
        output.WriteLine($"# {page.Set} / {page.Id}");
        output.WriteLine($"url       {page.Url}");
        output.WriteLine($"language  {page.Language}");
        output.WriteLine($"fetched   {page.FetchedAt:o}");
        output.WriteLine($"article   {(answer.HasArticle ? "yes" : "no: " + (answer.Reason ?? "no reason given"))}{(truth.IsArticle ? "" : " (truth: not an article)")}");
        output.WriteLine($"methods   {answer.Methods ?? "–"}");
        Field(output, "title", answer.Title, truth.Title, score.TitleExact);
        Field(output, "date", answer.Date, truth.NoDateExpected ? "(none expected)" : truth.Date, score.DateRight);
        Field(output, "authors", answer.Authors, truth.Authors is null ? null : string.Join("; ", truth.Authors), score.AuthorsFound);
        foreach (var (peer, scores) in result.Scores.Where(p => p.Key != ProductAnswers.Name && p.Value[index].DateRight is not null))
        {
            output.WriteLine($"  {peer,-16} date {scores[index].Answer.Date ?? "none"} ({(scores[index].DateRight == true ? "right" : "wrong")})");
        }

        if (score.Body is not { } body || truth.Body is null)
        {
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"body      F1 {body.F1:F3}  precision {body.Precision:F3}  recall {body.Recall:F3}  ({QualityReport.Why(score)})"));
        foreach (var (peer, scores) in result.Scores.Where(p => p.Key != ProductAnswers.Name && p.Value[index].Body is not null)
                     .OrderByDescending(p => p.Value[index].Body!.Value.F1).Take(8))
        {
            var peerBody = scores[index].Body!.Value;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {peer,-22} F1 {peerBody.F1:F3}  P {peerBody.Precision:F3}  R {peerBody.Recall:F3}"));
        }

        var bigrams = BodyTokens.UsesBigrams(page.Language);
        output.WriteLine("missed (in the truth, not in ours): " + Tokens(BodyTokens.Surplus(truth.Body, answer.Text ?? "", bigrams)));
        output.WriteLine("extra  (in ours, not in the truth): " + Tokens(BodyTokens.Surplus(answer.Text ?? "", truth.Body, bigrams)));
        Directory.CreateDirectory(textsFolder);
        var stem = Path.Combine(textsFolder, string.Concat(page.Id.Select(c => char.IsLetterOrDigit(c) ? c : '_')));
        File.WriteAllText(stem + ".ours.txt", answer.Text ?? "");
        File.WriteAllText(stem + ".truth.txt", truth.Body);
        output.WriteLine($"texts     {stem}.ours.txt  {stem}.truth.txt  (diff them)");
        output.WriteLine("ours begins:  " + Excerpt(answer.Text));
        output.WriteLine("truth begins: " + Excerpt(truth.Body));
        output.WriteLine("ours ends:    " + Excerpt(answer.Text, fromEnd: true));
        output.WriteLine("truth ends:   " + Excerpt(truth.Body, fromEnd: true));
    }

    private static void Field(TextWriter output, string name, string? ours, string? truth, bool? right)
    {
        if (truth is null && ours is null)
        {
            return;
        }

        var verdict = right switch { true => "right", false => "WRONG", null => "not scored" };
        output.WriteLine($"{name,-9} {verdict}: ours «{ours ?? "none"}»  truth «{truth ?? "–"}»");
    }

    private static string Tokens(IEnumerable<(string Token, int Count)> tokens)
        => string.Join(" ", tokens.Take(30).Select(t => t.Count > 1 ? $"{t.Token}×{t.Count}" : t.Token));

    private static string Excerpt(string? text, bool fromEnd = false)
    {
        var flat = (text ?? "").ReplaceLineEndings(" ¶ ");
        return flat.Length <= 240 ? flat : fromEnd ? "…" + flat[^240..] : flat[..240] + "…";
    }
}
