using System.CommandLine;
using System.Text.Json;

namespace NewsFeedWorker.Benchmarks.Extraction;

/// <summary><c>extract --pages DIR [--json]</c>: parse vs full generic extraction throughput over saved pages.</summary>
internal static class ExtractCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(TextWriter output)
    {
        var pages = new Option<DirectoryInfo>("--pages") { Description = "Folder searched recursively for *.html", Required = true };
        var pattern = new Option<string>("--pattern") { Description = "File-name pattern ('*' only), e.g. source.html for the Readability corpus", DefaultValueFactory = _ => "*.html" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a summary" };
        var mode = new Option<ExtractionMode>("--mode") { Description = "Entry point measured as extraction", DefaultValueFactory = _ => ExtractionMode.Auto };
        var maxPages = new Option<int?>("--max-pages") { Description = "Use only the first N pages (sorted by path)" };
        var smoke = new Option<bool>("--smoke") { Description = "No warm-up, two rounds: proves the harness works, numbers are not for quoting" };
        var warmup = new Option<double>("--warmup-seconds") { DefaultValueFactory = _ => 3 };
        var minSeconds = new Option<double>("--min-seconds") { Description = "Measure at least this long (parse + extract)", DefaultValueFactory = _ => 10 };

        var command = new Command("extract", "Pages/s for AngleSharp parse only and for full generic extraction, single-threaded")
        {
            pages, pattern, json, mode, maxPages, smoke, warmup, minSeconds,
        };
        command.SetAction(parseResult =>
        {
            var corpus = PageCorpus.Load(parseResult.GetRequiredValue(pages), parseResult.GetRequiredValue(pattern), parseResult.GetValue(maxPages));
            if (corpus.Count == 0)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"No {parseResult.GetValue(pattern)} files found.");
                return 1;
            }

            using var pipeline = new ProductPipeline();
            var resolved = PageExtractor.Resolve(pipeline, parseResult.GetValue(mode), corpus[0]);
            if (resolved is null)
            {
                parseResult.InvocationConfiguration.Error.WriteLine(
                    "Neither PageParser.Parse nor GenericExtractor.Extract is implemented in this build (merge the parse/generic stages).");
                return 3;
            }

            var settings = parseResult.GetValue(smoke)
                ? ThroughputSettings.Smoke
                : new ThroughputSettings
                {
                    Warmup = TimeSpan.FromSeconds(parseResult.GetValue(warmup)),
                    MinMeasured = TimeSpan.FromSeconds(parseResult.GetValue(minSeconds)),
                };
            var report = new ExtractionThroughput(new PageExtractor(pipeline, resolved.Value), settings).Run(corpus);
            if (parseResult.GetValue(mode) == ExtractionMode.Auto && resolved == ExtractionMode.GenericExtractor)
            {
                report = report with { Mode = report.Mode + "; PageParser is not implemented in this build" };
            }

            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                WriteSummary(output, report);
            }

            return 0;
        });
        return command;
    }

    private static void WriteSummary(TextWriter output, ExtractionReport report)
    {
        output.WriteLine($"extract: {report.Pages} pages ({report.FailedPages} failed), mean {report.MeanPageBytes:N0} B, {report.Rounds} rounds{(report.Smoke ? " [smoke]" : "")}");
        output.WriteLine($"  mode:              {report.Mode}");
        output.WriteLine($"  parse only:        {report.ParsePagesPerSec,8:F1} pages/s  {report.ParseAllocatedBytesPerPage,12:N0} B/page allocated ({report.ParseAllocatedToPageSize:F1}x page size)");
        output.WriteLine($"  full extraction:   {report.ExtractPagesPerSec,8:F1} pages/s  {report.ExtractAllocatedBytesPerPage,12:N0} B/page allocated ({report.ExtractAllocatedToPageSize:F1}x page size)");
        output.WriteLine($"  extract/parse time ratio: {report.ExtractToParseTimeRatio:F2} (target <= 1.5); articles found: {report.ArticlesFound}");
        output.WriteLine($"  extract/parse CPU-time ratio: {report.ExtractToParseCpuTimeRatio:F2} (this thread's CPU time, collections included)");
        output.WriteLine($"  collections: parse {report.ParseGcPauseShare:P0} of its time paused, {report.ParseGen1CollectionsPer100Pages:F1} gen1 / {report.ParseGen2CollectionsPer100Pages:F1} gen2 per 100 pages; "
            + $"extraction {report.ExtractGcPauseShare:P0}, {report.ExtractGen1CollectionsPer100Pages:F1} / {report.ExtractGen2CollectionsPer100Pages:F1}");
        foreach (var failure in report.Failures)
        {
            output.WriteLine($"  failed: {failure.Path}: {failure.Error}");
        }
    }
}
