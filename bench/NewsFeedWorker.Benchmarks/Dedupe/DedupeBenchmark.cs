using System.Diagnostics;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>Fills a store with a million fingerprints, then times the store's near-duplicate lookup and full saves against it.</summary>
internal sealed class DedupeBenchmark(DedupeSettings settings, SampleArticles samples)
{
    private const string WriterPrefix = "bench-writer-";

    // Fewer samples than this make a p99 meaningless; the time budget never cuts below it.
    private const int MinimumSamples = 100;

    public async Task<DedupeResult> RunAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await using var store = database.CreateStore(database.Options);
        await store.MigrateAsync(cancellationToken);
        var fingerprints = new StoredFingerprints(settings.Fingerprints);
        var fillSeconds = await FillAsync(database, fingerprints, cancellationToken);
        var planner = await database.PreparePlannerAsync(settings.Analyze, cancellationToken);

        var queries = fingerprints.Queries(settings.Lookups, settings.HitEvery);
        var probe = await NearDuplicateProbe.OpenAsync(store, cancellationToken);
        var latencies = new List<double>(queries.Count);
        int plantedFound = 0, randomLinked = 0, planted = 0, random = 0;
        try
        {
            // Warm-up on other fingerprints: JIT, Dapper's caches, the database's page cache for the hot paths.
            var warmupEnd = Stopwatch.GetTimestamp() + (long)(settings.PhaseBudget.TotalSeconds / 10 * Stopwatch.Frequency);
            foreach (var query in fingerprints.Queries(Math.Min(2_000, settings.Lookups), settings.HitEvery).TakeWhile(_ => Stopwatch.GetTimestamp() < warmupEnd))
            {
                await probe.FindAsync("bench-query", "https://query.bench.example/warmup", query.Fingerprint ^ 0xA5A5_0000_0000_5A5AUL, FingerprintRows.Now, cancellationToken);
            }

            var budgetEnd = Stopwatch.GetTimestamp() + (long)(settings.PhaseBudget.TotalSeconds * Stopwatch.Frequency);
            for (var i = 0; i < queries.Count && (i < MinimumSamples || Stopwatch.GetTimestamp() < budgetEnd); i++)
            {
                var query = queries[i];
                var start = Stopwatch.GetTimestamp();
                var hit = await probe.FindAsync("bench-query", $"https://query.bench.example/{i}", query.Fingerprint, FingerprintRows.Now, cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (query.PlantedFrom is { } target)
                {
                    planted++;
                    plantedFound += hit is not null && hit.Id == FingerprintRows.Id(target) ? 1 : 0;
                }
                else
                {
                    random++;
                    randomLinked += hit is null ? 0 : 1;
                }
            }
        }
        finally
        {
            await probe.CloseAsync();
        }

        // An aggressive collection hands the fill's garbage back to the OS, so the working set is what lookups need.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var workingSet = Environment.WorkingSet;
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        var (saves, savedNew) = await SaveAsync(store, cancellationToken);
        await database.DeleteSavedAsync(WriterPrefix, cancellationToken);
        return new DedupeResult
        {
            Backend = database.Name,
            Fingerprints = settings.Fingerprints,
            PlannerStatistics = planner,
            FillSeconds = fillSeconds,
            Lookup = LatencyStats.From(latencies),
            PlantedNearDuplicates = planted,
            PlantedFound = plantedFound,
            RandomQueries = random,
            RandomLinked = randomLinked,
            Save = saves,
            SavedNew = savedNew,
            Index = await database.MeasureAsync(cancellationToken),
            ProcessWorkingSetBytes = workingSet,
            ManagedHeapBytes = heap,
        };
    }

    private static async Task<double?> FillAsync(BenchDatabase database, StoredFingerprints fingerprints, CancellationToken cancellationToken)
    {
        var stored = await database.CountArticlesAsync(cancellationToken);
        if (stored == fingerprints.Count)
        {
            return null;
        }

        if (stored != 0)
        {
            throw new InvalidOperationException(
                $"The {database.Name} database holds {stored} articles, neither 0 nor the {fingerprints.Count} asked for; delete it or pass another --db.");
        }

        var start = Stopwatch.GetTimestamp();
        await database.LoadFingerprintsAsync(fingerprints, cancellationToken);
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private async Task<(LatencyStats Latency, int New)> SaveAsync(RelationalFeedStore store, CancellationToken cancellationToken)
    {
        // Warm-up saves (not timed) so the first timed ones do not pay for JIT and connection pool set-up.
        for (var i = settings.Saves; i < settings.Saves + Math.Min(20, settings.Saves); i++)
        {
            var sourceId = $"{WriterPrefix}{i % 50:D2}";
            var article = samples.Create(sourceId, new Uri($"https://writer{i % 50:D2}.bench.example/news/articleView.html?idxno={i}"), i);
            await store.SaveArticleAsync(sourceId, article, FingerprintRows.Now.AddMilliseconds(i), cancellationToken);
        }

        var latencies = new List<double>(settings.Saves);
        var created = 0;
        var budgetEnd = Stopwatch.GetTimestamp() + (long)(settings.PhaseBudget.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; i < settings.Saves && (i < MinimumSamples || Stopwatch.GetTimestamp() < budgetEnd); i++)
        {
            var sourceId = $"{WriterPrefix}{i % 50:D2}";
            var article = samples.Create(sourceId, new Uri($"https://writer{i % 50:D2}.bench.example/news/articleView.html?idxno={i}"), i);
            var start = Stopwatch.GetTimestamp();
            var result = await store.SaveArticleAsync(sourceId, article, FingerprintRows.Now.AddMilliseconds(i), cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            created += result.Outcome == ArticleSaveOutcome.New ? 1 : 0;
        }

        return (LatencyStats.From(latencies), created);
    }
}
