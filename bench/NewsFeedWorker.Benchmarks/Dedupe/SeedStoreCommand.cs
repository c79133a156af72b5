using System.CommandLine;
using System.Diagnostics;

namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary><c>seed-store --dir DIR</c>: a SQLite store with realistic articles, for the feed-serving benchmark's worker to publish.</summary>
internal static class SeedStoreCommand
{
    public static Command Create(TextWriter output)
    {
        var dir = new Option<DirectoryInfo>("--dir") { Description = "Worker data directory; the store is DIR/newsfeedworker.db", Required = true };
        var articles = new Option<int>("--articles") { DefaultValueFactory = _ => 1_000 };
        var sources = new Option<int>("--sources") { DefaultValueFactory = _ => 50 };
        var command = new Command("seed-store", "Fill a worker data directory's SQLite store with articles (through SaveArticleAsync)")
        {
            dir, articles, sources,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var directory = parseResult.GetRequiredValue(dir);
            directory.Create();
            var count = parseResult.GetValue(articles);
            var sourceCount = Math.Max(1, parseResult.GetValue(sources));
            var samples = new SampleArticles();
            var database = new SqliteBenchDatabase(Path.Combine(directory.FullName, "newsfeedworker.db"), keep: true);
            await using var store = database.CreateStore(database.Options);
            await store.MigrateAsync(cancellationToken);
            // Now, not a fixed date: the worker prunes articles past the retention age when it starts.
            var now = TimeProvider.System.GetUtcNow();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                var sourceId = $"bench{i % sourceCount:D2}";
                var article = samples.Create(sourceId, new Uri($"http://127.0.0.1/s{i % sourceCount:D2}/news/article-{i}.html"), i) with
                {
                    Published = now.AddMinutes(-i),
                };
                await store.SaveArticleAsync(sourceId, article, now.AddMinutes(-i), cancellationToken);
            }

            output.WriteLine($"seeded {count} articles from {sourceCount} sources into {database.Options.ConnectionString} in {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }
}
