using System.CommandLine;
using System.Text.Json;

namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary><c>dedupe</c> (near-duplicate lookup with a million fingerprints) and <c>url-insert</c> (canonical-URL dedupe rate).</summary>
internal static class StoreCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private static readonly Option<string?> Postgres = new("--postgres")
    {
        Description = $"PostgreSQL server connection string (default: ${BenchDatabases.PostgresVariable}); a throwaway database is created on it",
    };

    private static readonly Option<bool> NoPostgres = new("--no-postgres") { Description = "SQLite only, even when a PostgreSQL server is named" };

    private static readonly Option<bool> NoSqlite = new("--no-sqlite") { Description = "PostgreSQL only (needs a server)" };

    private static readonly Option<bool> Smoke = new("--smoke") { Description = "Tiny sizes: proves the harness works, numbers are not for quoting" };

    private static readonly Option<bool> AsJson = new("--json") { Description = "Print one JSON object" };

    public static Command Dedupe(TextWriter output)
    {
        var fingerprints = new Option<int>("--fingerprints") { DefaultValueFactory = _ => 1_000_000 };
        var lookups = new Option<int>("--lookups") { DefaultValueFactory = _ => 20_000 };
        var saves = new Option<int>("--saves") { DefaultValueFactory = _ => 2_000 };
        var budget = new Option<double>("--phase-seconds") { Description = "Stop lookups, and saves, after this long (at least 100 of each)", DefaultValueFactory = _ => 60 };
        var analyze = new Option<bool>("--analyze") { Description = "Run ANALYZE on SQLite first (what-if: the store never does)" };
        var db = new Option<string?>("--db") { Description = "SQLite file to fill once and keep (default: a temporary file)" };
        var command = new Command("dedupe", "Near-duplicate lookup latency and index size with N stored fingerprints (targets: p99 <= 1 ms, index <= 200 MB)")
        {
            fingerprints, lookups, saves, budget, analyze, db, Postgres, NoPostgres, NoSqlite, Smoke, AsJson,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = parseResult.GetValue(Smoke)
                ? DedupeSettings.Smoke
                : new DedupeSettings
                {
                    Fingerprints = parseResult.GetValue(fingerprints),
                    Lookups = parseResult.GetValue(lookups),
                    Saves = parseResult.GetValue(saves),
                    Analyze = parseResult.GetValue(analyze),
                    PhaseBudget = TimeSpan.FromSeconds(parseResult.GetValue(budget)),
                };
            var benchmark = new DedupeBenchmark(settings, new SampleArticles());
            var results = new List<DedupeResult>();
            if (!parseResult.GetValue(NoSqlite))
            {
                await using var sqlite = BenchDatabases.Sqlite(parseResult.GetValue(db));
                results.Add(await benchmark.RunAsync(sqlite, cancellationToken));
            }

            if (PostgresServerFor(parseResult) is { } server)
            {
                await using var postgres = await PostgresBenchDatabase.CreateAsync(server, cancellationToken);
                results.Add(await benchmark.RunAsync(postgres, cancellationToken));
            }

            Write(output, parseResult, new { benchmark = "dedupe", smoke = settings.IsSmoke, results }, () =>
            {
                foreach (var r in results)
                {
                    output.WriteLine($"{r.Backend}: {r.Fingerprints:N0} fingerprints (fill {(r.FillSeconds is { } s ? $"{s:F1} s" : "reused")}; planner statistics: {r.PlannerStatistics})");
                    output.WriteLine($"  lookup  p50 {r.Lookup.P50Ms:F3} ms  p99 {r.Lookup.P99Ms:F3} ms  max {r.Lookup.MaxMs:F3} ms  (target p99 <= 1 ms; {r.Lookup.Count:N0} lookups)");
                    output.WriteLine($"  planted near-duplicates found {r.PlantedFound}/{r.PlantedNearDuplicates}; random queries linked {r.RandomLinked}/{r.RandomQueries}");
                    output.WriteLine($"  save    p50 {r.Save.P50Ms:F3} ms  p99 {r.Save.P99Ms:F3} ms  ({r.SavedNew}/{r.Save.Count} new)");
                    output.WriteLine($"  band indexes {Mb(r.Index.BandIndexBytes)} (target <= 200 MB), database {Mb(r.Index.DatabaseBytes)}, process working set {Mb(r.ProcessWorkingSetBytes)}");
                }
            });
            return 0;
        });
        return command;
    }

    public static Command UrlInsert(TextWriter output)
    {
        var articles = new Option<int>("--articles") { DefaultValueFactory = _ => 5_000 };
        var command = new Command("url-insert", "Canonical-URL dedupe through SaveArticleAsync: new URLs/s and recognised URL variants/s")
        {
            articles, Postgres, NoPostgres, Smoke, AsJson,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var count = parseResult.GetValue(Smoke) ? 50 : parseResult.GetValue(articles);
            var benchmark = new UrlInsertBenchmark(count, new SampleArticles());
            var results = new List<UrlInsertResult>();
            await using (var sqlite = BenchDatabases.Sqlite(path: null))
            {
                results.Add(await benchmark.RunAsync(sqlite, cancellationToken));
            }

            if (PostgresServerFor(parseResult) is { } server)
            {
                await using var postgres = await PostgresBenchDatabase.CreateAsync(server, cancellationToken);
                results.Add(await benchmark.RunAsync(postgres, cancellationToken));
            }

            Write(output, parseResult, new { benchmark = "url-insert", smoke = parseResult.GetValue(Smoke), results }, () =>
            {
                foreach (var r in results)
                {
                    output.WriteLine($"{r.Backend}: {r.Articles:N0} articles, one transaction each");
                    output.WriteLine($"  new URLs:      {r.NewPerSec,8:F0} saves/s  p99 {r.NewLatency.P99Ms:F3} ms  ({r.SavedNew} new)");
                    output.WriteLine($"  URL variants:  {r.DuplicatePerSec,8:F0} saves/s  p99 {r.DuplicateLatency.P99Ms:F3} ms  ({r.RecognisedDuplicates} recognised as stored)");
                }
            });
            return 0;
        });
        return command;
    }

    private static string? PostgresServerFor(ParseResult parseResult) =>
        parseResult.GetValue(NoPostgres) ? null : BenchDatabases.PostgresServer(parseResult.GetValue(Postgres));

    private static void Write(TextWriter output, ParseResult parseResult, object report, Action summary)
    {
        if (parseResult.GetValue(AsJson))
        {
            output.WriteLine(JsonSerializer.Serialize(report, Json));
        }
        else
        {
            summary();
        }
    }

    private static string Mb(long? bytes) => bytes is { } b ? $"{b / 1_048_576.0:F1} MB" : "n/a";
}
