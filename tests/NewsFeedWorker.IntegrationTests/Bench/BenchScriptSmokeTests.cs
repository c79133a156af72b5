using System.Diagnostics;
using System.Text.Json;

namespace NewsFeedWorker.IntegrationTests.Bench;

/// <summary>
/// Runs the two shell benchmarks at their smoke sizes, so CI notices when one stops working: the scrape cycle
/// (generated site behind nginx, the real worker three times) and feed serving (wrk against the worker and nginx).
/// Counts are checked, speed never. Both build the worker in Release, so they run one after the other.
/// </summary>
[Collection(Name)]
public sealed class BenchScriptSmokeTests
{
    public const string Name = "bench scripts";

    [Fact]
    public void Scrape_cycle_smoke_fetches_every_page_once_then_only_304s_and_reports_the_footprint()
    {
        using var summary = Run("bench/scrape-cycle/run.sh");
        var root = summary.RootElement;

        // 2 sources x (1 list page + 10 articles), all 200; the second cycle asks each list page again and re-checks each
        // article (all younger than an hour, so due every cycle), and every answer is a 304.
        var first = root.GetProperty("first");
        Assert.Equal(22, first.GetProperty("requests").GetInt32());
        Assert.Equal(22, first.GetProperty("status200").GetInt32());
        Assert.Equal(0, first.GetProperty("other").GetInt32());
        Assert.True(first.GetProperty("pagesPerSec").GetDouble() > 0);
        Assert.True(first.GetProperty("peakRssBytes").GetInt64() > 0);

        var second = root.GetProperty("second");
        Assert.Equal(22, second.GetProperty("requests").GetInt32());
        Assert.Equal(22, second.GetProperty("status304").GetInt32());

        var footprint = root.GetProperty("footprint");
        Assert.True(footprint.GetProperty("startToFirstFeedMs").GetInt64() > 0);
        Assert.True(footprint.GetProperty("idleRssBytes").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("targets").ValueKind);
    }

    [Fact]
    public void Feed_serving_smoke_measures_both_servers_on_the_same_feed_bytes()
    {
        // The script itself fails unless both servers send identical bytes and answer 304 to their own ETag.
        using var summary = Run("bench/feed-serving/run.sh");
        var root = summary.RootElement;

        Assert.Equal(50, root.GetProperty("articles").GetInt32());
        Assert.True(root.GetProperty("feedBytes").GetInt64() > 10_000);
        foreach (var rate in new[] { "worker200PerSec", "nginx200PerSec", "worker304PerSec", "nginx304PerSec" })
        {
            Assert.True(root.GetProperty(rate).GetDouble() > 0, rate);
        }
    }

    private static JsonDocument Run(string script)
    {
        var repo = RepositoryRoot();
        var start = new ProcessStartInfo("bash", [Path.Combine(repo, script), "--smoke"])
        {
            WorkingDirectory = repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), $"{script} did not finish in 10 minutes");
#pragma warning disable RS0030 // The process has exited, so its output is read to the end: nothing is left to wait for.
        Assert.True(process.ExitCode == 0, $"{script} --smoke failed ({process.ExitCode}):\n{Tail(stderr)}\n{Tail(stdout.Result)}");
#pragma warning restore RS0030

        var results = stderr.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("results: ", StringComparison.Ordinal));
        Assert.NotNull(results);
        var summary = Path.Combine(results["results: ".Length..], "summary.json");
        try
        {
            return JsonDocument.Parse(File.ReadAllText(summary));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(summary)!, recursive: true);
        }
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;

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
