using System.Text.Json;
using NewsFeedWorker.Benchmarks;

namespace NewsFeedWorker.IntegrationTests.Bench;

/// <summary>
/// Keeps <c>dedupe</c> and <c>url-insert</c> working on real SQLite and PostgreSQL: output shape, correct dedupe
/// counts and positive numbers, never speed. PostgreSQL comes from <c>NEWSFEEDWORKER_TEST_POSTGRES</c> (test.sh sets it);
/// without it the PostgreSQL tests fail, as the store's own do: a skipped backend is untested.
/// </summary>
public sealed class StoreBenchmarkSmokeTests
{
    private const string PostgresVariable = "NEWSFEEDWORKER_TEST_POSTGRES";

    [Fact]
    public void Dedupe_in_smoke_mode_on_sqlite_finds_every_planted_near_duplicate_and_reports_latencies_and_index_size()
    {
        var results = RunJson("dedupe", "--smoke", "--json", "--no-postgres");

        var sqlite = Assert.Single(results.EnumerateArray());
        AssertDedupeResult(sqlite, "sqlite");
    }

    [Fact]
    public void Dedupe_in_smoke_mode_runs_on_postgresql_too()
    {
        var results = RunJson("dedupe", "--smoke", "--json", "--postgres", PostgresServer());

        Assert.Equal(2, results.GetArrayLength());
        AssertDedupeResult(results[1], "postgres");
    }

    [Fact]
    public void Url_insert_in_smoke_mode_saves_every_new_url_and_recognises_every_variant_on_both_backends()
    {
        var results = RunJson("url-insert", "--smoke", "--json", "--postgres", PostgresServer());

        Assert.Equal(["sqlite", "postgres"], results.EnumerateArray().Select(r => r.GetProperty("backend").GetString()));
        foreach (var result in results.EnumerateArray())
        {
            var articles = result.GetProperty("articles").GetInt32();
            Assert.Equal(50, articles);
            Assert.Equal(articles, result.GetProperty("savedNew").GetInt32());
            Assert.Equal(articles, result.GetProperty("recognisedDuplicates").GetInt32());
            Assert.True(result.GetProperty("newPerSec").GetDouble() > 0);
            Assert.True(result.GetProperty("duplicatePerSec").GetDouble() > 0);
            AssertLatencies(result.GetProperty("newLatency"), articles);
            AssertLatencies(result.GetProperty("duplicateLatency"), articles);
        }
    }

    private static void AssertDedupeResult(JsonElement result, string backend)
    {
        Assert.Equal(backend, result.GetProperty("backend").GetString());
        Assert.Equal(2_000, result.GetProperty("fingerprints").GetInt32());
        AssertLatencies(result.GetProperty("lookup"), 200);
        Assert.Equal(20, result.GetProperty("plantedNearDuplicates").GetInt32());
        Assert.Equal(20, result.GetProperty("plantedFound").GetInt32());
        Assert.Equal(180, result.GetProperty("randomQueries").GetInt32());
        Assert.Equal(0, result.GetProperty("randomLinked").GetInt32());
        AssertLatencies(result.GetProperty("save"), 20);
        Assert.Equal(20, result.GetProperty("savedNew").GetInt32());
        var index = result.GetProperty("index");
        Assert.True(index.GetProperty("databaseBytes").GetInt64() > 0);
        // SQLite reports band index bytes only where a dbstat-capable sqlite3 is at hand; when it reports, it is real.
        if (backend == "postgres" || index.GetProperty("bandIndexBytes").ValueKind != JsonValueKind.Null)
        {
            Assert.True(index.GetProperty("bandIndexBytes").GetInt64() > 0);
        }

        Assert.True(result.GetProperty("processWorkingSetBytes").GetInt64() > 0);
    }

    private static void AssertLatencies(JsonElement stats, int count)
    {
        Assert.Equal(count, stats.GetProperty("count").GetInt32());
        var p50 = stats.GetProperty("p50Ms").GetDouble();
        var p99 = stats.GetProperty("p99Ms").GetDouble();
        Assert.True(p50 > 0, $"p50 should be > 0: {stats}");
        Assert.True(p99 >= p50, $"p99 should be >= p50: {stats}");
        Assert.True(stats.GetProperty("maxMs").GetDouble() >= p99);
    }

    private static JsonElement RunJson(params string[] args)
    {
        using var stdout = new StringWriter();
        var exitCode = BenchmarkCli.Run(args, stdout);
        Assert.Equal(0, exitCode);
        var line = Assert.Single(stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("results").Clone();
    }

    private static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        return string.IsNullOrWhiteSpace(server)
            ? throw new InvalidOperationException($"{PostgresVariable} is not set: run ./test.sh, which starts a throwaway PostgreSQL on 127.0.0.1 and sets it.")
            : server;
    }
}
