using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Benchmarks.Extraction;

/// <summary>
/// <c>sample-site</c>: PageParser throughput on the sample site's article pages in configured and generic mode,
/// single-threaded, wall and process CPU time (on a shared machine the CPU figure is the steadier one).
/// </summary>
internal static class SampleSiteCommand
{
    private static readonly DateTimeOffset FetchedAt = new(2025, 11, 8, 9, 30, 0, TimeSpan.FromHours(9));

    private static readonly SourceDefinition Configured = new()
    {
        Id = "sample",
        Name = "sample",
        Schedule = "0 */15 * * * ?",
        StartUrls = [new Uri("https://news.example.kr/sample/news/articleList.html")],
        Selectors = new ArticleSelectors
        {
            Title = "h3.heading",
            Subtitle = "h4.subheading",
            Author = ".infomation li:nth-child(1)",
            Published = ".infomation li:nth-child(2)",
            Updated = ".infomation li:nth-child(3)",
            Category = ".article-view-header .article-category",
            Summary = "meta[property='og:description']",
            Body = "#article-view-content-div",
            LeadImage = "meta[property='og:image']",
            Remove = [".ad-template", ".share-group"],
            TeaserBlock = "section.auto-section[id]",
        },
    };

    private static readonly bool[] WarmUpThenReport = [false, true];

    public static Command Create(TextWriter output)
    {
        var rounds = new Option<int>("--rounds") { Description = "Passes over the pages per measurement", DefaultValueFactory = _ => 200 };
        var fixture = new Option<bool>("--fixture") { Description = "Use Data/ndsoft-article.html and its selectors (the BenchmarkDotNet page) instead of the sample site" };
        var command = new Command("sample-site", "PageParser pages/s on the sample site's articles (or the BenchmarkDotNet fixture), configured and generic mode") { rounds, fixture };
        command.SetAction(parseResult =>
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "SampleSite", "news");
            var useFixture = parseResult.GetValue(fixture);
            var pages = useFixture
                ? [(Url: NdsoftArticleSource.PageUrl, Body: File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "ndsoft-article.html")))]
                : Directory.GetFiles(folder, "article-*.html").Order(StringComparer.Ordinal)
                    .Select(f => (Url: new Uri($"https://news.example.kr/sample/news/articleView.html?idxno={Path.GetFileNameWithoutExtension(f)[8..]}"), Body: File.ReadAllBytes(f)))
                    .ToList();
            var modes = useFixture
                ? new[] { ("configured", NdsoftArticleSource.Configured), ("generic", NdsoftArticleSource.Generic) }
                : [("configured", Configured), ("generic", Configured with { Selectors = null })];
            using var pipeline = new ProductPipeline();
            var count = parseResult.GetValue(rounds);
            // Each mode runs twice; the first pass is the JIT's warm-up (tiered compilation), only the second is reported.
            foreach (var report in WarmUpThenReport)
            {
                foreach (var (label, source) in modes)
                {
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var wall = Stopwatch.StartNew();
                    for (var round = 0; round < count; round++)
                    {
                        foreach (var (url, body) in pages)
                        {
                            pipeline.PageParser.Parse(body, Encoding.UTF8, url, source, FetchedAt);
                        }
                    }

                    var elapsedCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                    if (report)
                    {
                        var n = count * pages.Count;
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{(useFixture ? "ndsoft-article.html" : $"sample site ({pages.Count} articles)")}, {label}: {n / wall.Elapsed.TotalSeconds:F0} pages/s wall, {n / elapsedCpu.TotalSeconds:F0} pages/s CPU"));
                    }
                }
            }

            return 0;
        });
        return command;
    }
}
