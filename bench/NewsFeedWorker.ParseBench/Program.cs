// Parse-stage throughput, single-threaded: full extraction (article, weather, teasers, links) per page.
// Usage: dotnet run -c Release --project bench/NewsFeedWorker.ParseBench [-- CORPUS_DIR] [--f1]
// Reports wall-clock and process CPU time: on a shared machine the CPU figure is the stable one.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;

var corpusDirectory = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "/work/shared/corpus/dev/readability";
if (args.Contains("--f1"))
{
    BodyF1.Run(corpusDirectory);
    return;
}

var samples = Path.Combine(AppContext.BaseDirectory, "SampleSite", "news");
var fetchedAt = new DateTimeOffset(2025, 11, 8, 9, 30, 0, TimeSpan.FromHours(9));
var parser = new PageParser();

var configured = new SourceDefinition
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
var generic = configured with { Selectors = null };

var samplePages = Directory.GetFiles(samples, "article-*.html").Order(StringComparer.Ordinal)
    .Select(f => (Name: Path.GetFileName(f), Url: new Uri($"https://news.example.kr/sample/news/articleView.html?idxno={Path.GetFileNameWithoutExtension(f)[8..]}"), Body: File.ReadAllBytes(f)))
    .ToList();
// Each set runs twice; the first pass is the JIT's warm-up (tiered compilation), only the second is reported.
foreach (var report in new[] { false, true })
{
    Measure("sample site, configured", samplePages, configured, rounds: 200, report);
    Measure("sample site, generic", samplePages, generic, rounds: 200, report);
}

if (Directory.Exists(corpusDirectory))
{
    var corpus = Directory.GetDirectories(corpusDirectory).Order(StringComparer.Ordinal)
        .Select(d => (Name: Path.GetFileName(d), Url: new Uri("https://example.com/articles/2025/11/08/story-12345"), Body: File.ReadAllBytes(Path.Combine(d, "source.html"))))
        .ToList();
    foreach (var report in new[] { false, true })
    {
        Measure($"corpus ({corpus.Count} pages, {corpus.Sum(p => p.Body.Length) / corpus.Count / 1024} KiB average), generic", corpus, generic, rounds: 5, report);
        Time($"corpus, AngleSharp parse only (for scale)", corpus.Count * 5, () =>
        {
            for (var round = 0; round < 5; round++)
            {
                foreach (var page in corpus)
                {
                    new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Encoding.UTF8.GetString(page.Body));
                }
            }
        }, report);
    }
}

void Measure(string label, List<(string Name, Uri Url, byte[] Body)> pages, SourceDefinition source, int rounds, bool report) =>
    Time(label, rounds * pages.Count, () =>
    {
        for (var round = 0; round < rounds; round++)
        {
            foreach (var page in pages)
            {
                parser.Parse(page.Body, Encoding.UTF8, page.Url, source, fetchedAt);
            }
        }
    }, report);

void Time(string label, int count, Action run, bool report)
{
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    run();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    if (report)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {count / wall.Elapsed.TotalSeconds:F0} pages/s wall, {count / cpu.TotalSeconds:F0} pages/s CPU"));
    }
}
