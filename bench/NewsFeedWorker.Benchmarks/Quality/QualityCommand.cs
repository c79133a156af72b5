using System.CommandLine;

namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>
/// <c>quality</c>: generic mode scored on every development set beside the peers' saved answers, per set and per
/// language, with the pages where it trails most; <c>--explain ID</c> for one page; <c>--check</c> as the CI gate.
/// </summary>
internal static class QualityCommand
{
    public static Command Create(TextWriter output)
    {
        var corpus = new Option<DirectoryInfo?>("--corpus") { Description = "The folder holding fundus/, htmldate/, scrapinghub/, readability/ (default: the first shared/corpus/dev above this program or the current folder)" };
        var sets = new Option<string[]>("--set") { Description = $"Only these sets (repeatable): {string.Join(", ", DevelopmentSets.Names)}", AllowMultipleArgumentsPerToken = true };
        var worst = new Option<int>("--worst") { Description = "How many trailing pages to list per set", DefaultValueFactory = _ => 10 };
        var explain = new Option<string?>("--explain") { Description = "One page's id (or the end of it): each field against the truth, the peers, missed and extra tokens" };
        var check = new Option<bool>("--check") { Description = "Exit 1 when a set falls below its floor in the floors file" };
        var floors = new Option<FileInfo?>("--floors") { Description = "The floors file (default: quality-floors.json beside this program)" };
        var pages = new Option<FileInfo?>("--pages") { Description = "Also write the product's score on every page as tab-separated lines (set, id, language, F1, precision, recall, title, date, authors, no article) to compare two runs" };
        var texts = new Option<DirectoryInfo?>("--texts") { Description = "Where --explain writes the two texts (default: a folder in the temp directory)" };
        var command = new Command("quality", "Extraction quality of generic mode on the development sets, beside the peers") { corpus, sets, worst, explain, check, floors, texts, pages };
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (DevelopmentSets.Resolve(parseResult.GetValue(corpus), parseResult.GetValue(sets), error) is not ({ } folder, { } available))
            {
                return 2;
            }

            if (parseResult.GetValue(explain) is { } id)
            {
                return Explain(QualityRun.Score(folder, available, page => Matches(page.Id, id)), id, parseResult.GetValue(texts)?.FullName ?? Path.Combine(Path.GetTempPath(), "nfw-quality-texts"), output, error);
            }

            var results = QualityRun.Score(folder, available);
            if (parseResult.GetValue(pages) is { } pagesFile)
            {
                File.WriteAllLines(pagesFile.FullName, results.SelectMany(r => r.Ours).Select(PageLine));
            }

            output.WriteLine($"# Generic-mode extraction quality ({folder})");
            output.WriteLine();
            foreach (var result in results)
            {
                QualityReport.Write(result, parseResult.GetValue(worst), output);
            }

            if (!parseResult.GetValue(check))
            {
                return 0;
            }

            var floorsFile = parseResult.GetValue(floors)?.FullName ?? QualityRun.DefaultFloorsFile;
            var violations = QualityRun.Violations(results, QualityFloors.Read(floorsFile));
            foreach (var violation in violations)
            {
                error.WriteLine("quality floor: " + violation);
            }

            output.WriteLine(violations.Count == 0 ? $"Every floor of {floorsFile} holds." : $"{violations.Count} floors of {floorsFile} do not hold.");
            return violations.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static string PageLine(PageScore score) => string.Join('\t',
        score.Page.Set, score.Page.Id, score.Page.Language,
        score.Body is { } body ? FormattableString.Invariant($"{body.F1:F4}\t{body.Precision:F4}\t{body.Recall:F4}") : "\t\t",
        Flag(score.TitleExact), Flag(score.DateRight), Flag(score.AuthorsFound), score.NoArticle ? "none" : "");

    private static string Flag(bool? value) => value switch { true => "1", false => "0", null => "" };

    private static bool Matches(string pageId, string id) => pageId.Contains(id, StringComparison.OrdinalIgnoreCase);

    private static int Explain(List<SetResult> results, string id, string textsFolder, TextWriter output, TextWriter error)
    {
        var matches = results.SelectMany(r => r.Pages.Select((page, index) => (Result: r, Index: index, Page: page)))
            .Where(m => Matches(m.Page.Id, id))
            .OrderByDescending(m => m.Page.Id == id)
            .ToList();
        if (matches.Count == 0)
        {
            error.WriteLine($"No page id contains '{id}'.");
            return 2;
        }

        if (matches.Count > 1 && matches[0].Page.Id != id)
        {
            error.WriteLine($"'{id}' matches {matches.Count} pages: {string.Join(", ", matches.Take(10).Select(m => m.Page.Id))}");
            return 2;
        }

        PageExplainer.Write(matches[0].Result, matches[0].Index, textsFolder, output);
        return 0;
    }
}
