using System.CommandLine;
using System.Globalization;
using NewsFeedWorker.Benchmarks.Extraction;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing.Furniture;

namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>
/// <c>furniture</c>: each publisher's pages of a development set fed in date order through a furniture memory, as the
/// worker feeds a source's pages, and body F1 with and without the memory, per set and for publishers with several pages.
/// </summary>
internal static class FurnitureCommand
{
    private const double Change = 0.0005;

    // The sets whose pages carry bodies to score; htmldate scores dates and readability's truth is its own output.
    private static readonly string[] Sets = ["fundus", "scrapinghub"];

    public static Command Create(TextWriter output)
    {
        var corpus = new Option<DirectoryInfo?>("--corpus") { Description = "The folder holding fundus/ and scrapinghub/ (default: the first shared/corpus/dev above this program or the current folder)" };
        var minimum = new Option<int>("--min-pages") { Description = "On how many other pages a block must have appeared to count as furniture", DefaultValueFactory = _ => FurnitureLedger.MinimumPages };
        var show = new Option<bool>("--show") { Description = "Under each page whose score changed, the body lines the memory removed" };
        var command = new Command("furniture", "Body F1 with and without the per-source furniture memory, publishers' pages fed in date order") { corpus, minimum, show };
        command.SetAction(parseResult =>
        {
            if (DevelopmentSets.Resolve(parseResult.GetValue(corpus), Sets, parseResult.InvocationConfiguration.Error) is not ({ } folder, { } available))
            {
                return 2;
            }

            var minimumPages = parseResult.GetValue(minimum);
            output.WriteLine($"# Furniture memory: body F1 without -> with (a block on >= {minimumPages} other pages of the publisher is furniture)");
            using var pipeline = new ProductPipeline();
            foreach (var set in available)
            {
                Write(set, Run(pipeline, DevelopmentSets.Load(folder, set), minimumPages), parseResult.GetValue(show), output);
            }

            return 0;
        });
        return command;
    }

    private static List<Outcome> Run(ProductPipeline pipeline, IReadOnlyList<QualityPage> pages, int minimumPages)
    {
        var results = new List<Outcome>();
        foreach (var publisher in pages.GroupBy(p => Publisher(p.Url)))
        {
            var ledger = new FurnitureLedger(minimumPages);
            var ordered = publisher.OrderBy(p => p.Truth.Date ?? "", StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
            foreach (var page in ordered)
            {
                var bytes = page.ReadBytes();
                var encoding = CharsetDetector.Detect(bytes, headerCharset: null, sourceEncoding: null, language: null);
                var source = ProductPipeline.GenericSource(page.Url);
                var without = pipeline.PageParser.Parse(bytes, encoding, page.Url, source, page.FetchedAt);
                var with = pipeline.PageParser.Parse(bytes, encoding, page.Url, source, page.FetchedAt, ledger.MemoryFor(page.Url), CancellationToken.None);
                if (with.Article is not null)
                {
                    ledger.Record(page.Url, with.BodyBlocks);
                }

                var bigrams = BodyTokens.UsesBigrams(page.Language);
                var removed = (without.Article?.BodyText ?? "").Split('\n').Except((with.Article?.BodyText ?? "").Split('\n'), StringComparer.Ordinal);
                results.Add(new Outcome(page, ordered.Count,
                    BodyTokens.Score(without.Article?.BodyText, page.Truth.Body ?? "", bigrams).F1,
                    BodyTokens.Score(with.Article?.BodyText, page.Truth.Body ?? "", bigrams).F1,
                    [.. removed.Where(line => line.Length > 0)]));
            }
        }

        return results;
    }

    /// <summary>A publisher is a host without its <c>www.</c>: the worker's source is usually one site.</summary>
    private static string Publisher(Uri url) => url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;

    private static void Write(string set, List<Outcome> results, bool show, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"## {set}");
        Line("all pages", results);
        Line("publishers with >= 2 pages", [.. results.Where(r => r.PublisherPages >= 2)]);
        Line("publishers with >= 3 pages", [.. results.Where(r => r.PublisherPages >= 3)]);
        foreach (var changed in results.Where(r => Math.Abs(r.With - r.Without) > Change).OrderBy(r => r.With - r.Without))
        {
            output.WriteLine(FormattableString.Invariant($"  {changed.Page.Id}: {changed.Without:F3} -> {changed.With:F3}"));
            foreach (var line in show ? changed.Removed : [])
            {
                output.WriteLine($"      - {(line.Length > 120 ? line[..120] + "…" : line)}");
            }
        }

        void Line(string label, List<Outcome> rows)
        {
            if (rows.Count == 0)
            {
                output.WriteLine($"- {label}: no pages");
                return;
            }

            var helped = rows.Count(r => r.With - r.Without > Change);
            var hurt = rows.Count(r => r.Without - r.With > Change);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"- {label} ({rows.Count} pages, {rows.Select(r => Publisher(r.Page.Url)).Distinct().Count()} publishers): F1 {rows.Average(r => r.Without):F4} -> {rows.Average(r => r.With):F4}, {helped} helped, {hurt} hurt"));
        }
    }

    /// <summary>One page's body F1 without and with the memory, and the body lines the memory took out.</summary>
    private sealed record Outcome(QualityPage Page, int PublisherPages, double Without, double With, IReadOnlyList<string> Removed);
}
