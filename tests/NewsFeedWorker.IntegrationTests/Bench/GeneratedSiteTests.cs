using System.Diagnostics;
using System.Text;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.IntegrationTests.Bench;

/// <summary>
/// Keeps the scrape-cycle benchmark's generated site usable: its sources.json must load with the product's loader
/// and its article pages must parse with the configured selectors it writes (otherwise the benchmark would time
/// failures). Runs bench/scrape-cycle/generate-site.py at a tiny size.
/// </summary>
public sealed class GeneratedSiteTests : IDisposable
{
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("nfw-site-");

    [Fact]
    public void The_generated_site_loads_as_sources_and_its_pages_parse_as_distinct_articles()
    {
        Generate(sources: 2, articles: 3, port: 18080);

        var sources = SourcesFileLoader.Load(Path.Combine(output.FullName, "config", "sources.json"));
        Assert.Equal(["bench00", "bench01"], sources.Select(s => s.Id));
        var source = sources[1];
        Assert.Equal(new Uri("http://127.0.0.1:18080/s01/list-1.html"), Assert.Single(source.StartUrls));
        Assert.False(source.Politeness.ObeyRobotsTxt);
        Assert.NotNull(source.Selectors);

        var parser = new PageParser();
        var list = Parse(parser, source, "s01/list-1.html");
        Assert.Equal(
            [.. Enumerable.Range(0, 3).Select(n => new Uri($"http://127.0.0.1:18080/s01/news/article-{n}.html"))],
            list.ArticleLinks);

        var first = Parse(parser, source, "s01/news/article-1.html").Article;
        var second = Parse(parser, source, "s01/news/article-2.html").Article;
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.EndsWith("(01-1)", first.Title, StringComparison.Ordinal);
        Assert.Contains("고유번호 100001", first.BodyText, StringComparison.Ordinal);
        Assert.NotEqual(first.BodyText, second.BodyText);
    }

    public void Dispose() => output.Delete(recursive: true);

    private PageParseResult Parse(PageParser parser, SourceDefinition source, string path)
    {
        var bytes = File.ReadAllBytes(Path.Combine(output.FullName, "site", path));
        return parser.Parse(bytes, Encoding.UTF8, new Uri($"http://127.0.0.1:18080/{path}"), source, DateTimeOffset.UnixEpoch);
    }

    private void Generate(int sources, int articles, int port)
    {
        var script = Path.Combine(RepositoryRoot(), "bench", "scrape-cycle", "generate-site.py");
        using var python = Process.Start(new ProcessStartInfo("python3",
            [script, "--out", output.FullName, "--sources", $"{sources}", "--articles", $"{articles}", "--port", $"{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stderr = python.StandardError.ReadToEnd();
        python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, $"generate-site.py failed: {stderr}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsFeedWorker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NewsFeedWorker.sln not found above the test output folder.");
    }
}
