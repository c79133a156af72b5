using System.Text.Json;
using NewsFeedWorker.Benchmarks;

namespace NewsFeedWorker.IntegrationTests.Bench;

/// <summary>Keeps <c>extract --pages DIR --json</c> working: its output shape and sane numbers, never its speed.</summary>
public sealed class ExtractBenchmarkSmokeTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Data", "ndsoft-article.html");

    private readonly DirectoryInfo pages = Directory.CreateTempSubdirectory("nfw-bench-");

    [Fact]
    public void Extract_in_smoke_mode_prints_one_json_object_with_positive_rates_for_every_page_found_recursively()
    {
        File.Copy(Fixture, Path.Combine(pages.FullName, "article.html"));
        File.Copy(Fixture, Path.Combine(pages.CreateSubdirectory("nested").FullName, "source.html"));
        File.WriteAllText(Path.Combine(pages.FullName, "notes.txt"), "not a page");

        var (exitCode, stdout) = Run("extract", "--pages", pages.FullName, "--json", "--smoke");

        Assert.Equal(0, exitCode);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        using var json = JsonDocument.Parse(line);
        var report = json.RootElement;
        Assert.StartsWith("PageParser.Parse", report.GetProperty("mode").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, report.GetProperty("pages").GetInt32());
        Assert.Equal(0, report.GetProperty("failedPages").GetInt32());
        // A benchmark of an extractor that bailed out early would measure nothing worth having.
        Assert.Equal(2, report.GetProperty("articlesFound").GetInt32());
        Assert.True(report.GetProperty("smoke").GetBoolean());
        Assert.Equal(new FileInfo(Fixture).Length, report.GetProperty("meanPageBytes").GetInt64());
        Assert.True(report.GetProperty("rounds").GetInt32() >= 2);
        foreach (var positive in new[]
        {
            "parsePagesPerSec", "extractPagesPerSec", "extractToParseTimeRatio", "extractToParseCpuTimeRatio", "parseAllocatedBytesPerPage",
            "extractAllocatedBytesPerPage", "parseAllocatedToPageSize", "extractAllocatedToPageSize",
        })
        {
            Assert.True(report.GetProperty(positive).GetDouble() > 0, $"{positive} should be > 0 in {line}");
        }
    }

    [Fact]
    public void Extract_over_a_folder_without_pages_fails_instead_of_printing_empty_numbers()
    {
        var (exitCode, stdout) = Run("extract", "--pages", pages.FullName, "--json", "--smoke");

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout.Trim());
    }

    public void Dispose() => pages.Delete(recursive: true);

    private static (int ExitCode, string Stdout) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        var exitCode = BenchmarkCli.Run(args, stdout);
        return (exitCode, stdout.ToString());
    }
}
