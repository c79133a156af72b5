using System.Diagnostics;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>How fast the store takes new article URLs and turns away URL variants of stored ones (single writer).</summary>
internal sealed class UrlInsertBenchmark(int articles, SampleArticles samples)
{
    public async Task<UrlInsertResult> RunAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await using var store = database.CreateStore(database.Options);
        await store.MigrateAsync(cancellationToken);

        // Warm-up on URLs outside the measured range.
        for (var i = articles; i < articles + Math.Min(200, articles); i++)
        {
            await SaveAsync(store, i, Spelling(i, variant: false), cancellationToken);
        }

        var (newLatency, newSeconds, saved) = await TimeAsync(store, variant: false, ArticleSaveOutcome.New, cancellationToken);
        var (dupLatency, dupSeconds, recognised) = await TimeAsync(store, variant: true, ArticleSaveOutcome.Unchanged, cancellationToken);
        return new UrlInsertResult
        {
            Backend = database.Name,
            Articles = articles,
            NewPerSec = articles / newSeconds,
            NewLatency = newLatency,
            SavedNew = saved,
            DuplicatePerSec = articles / dupSeconds,
            DuplicateLatency = dupLatency,
            RecognisedDuplicates = recognised,
        };
    }

    /// <summary>Article i's URL as first seen (a tracking parameter, a fragment), or as another page links it.</summary>
    public static Uri Spelling(int i, bool variant) => variant
        ? new Uri($"HTTPS://WWW.SITE{i % 50:D2}.BENCH.EXAMPLE:443/news/articleView.html?gclid=x{i}&idxno={i}&fbclid=y#comments")
        : new Uri($"https://www.site{i % 50:D2}.bench.example/news/articleView.html?idxno={i}&fbclid=IwAR{i}#reply");

    private async Task<(LatencyStats Latency, double Seconds, int Matching)> TimeAsync(
        RelationalFeedStore store, bool variant, ArticleSaveOutcome expected, CancellationToken cancellationToken)
    {
        var latencies = new List<double>(articles);
        var matching = 0;
        var total = Stopwatch.GetTimestamp();
        for (var i = 0; i < articles; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var outcome = await SaveAsync(store, i, Spelling(i, variant), cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            matching += outcome == expected ? 1 : 0;
        }

        return (LatencyStats.From(latencies), Stopwatch.GetElapsedTime(total).TotalSeconds, matching);
    }

    // Short bodies: no near-duplicate fingerprint, so this measures the URL path alone (DedupeBenchmark times the rest).
    private async Task<ArticleSaveOutcome> SaveAsync(RelationalFeedStore store, int i, Uri url, CancellationToken cancellationToken)
    {
        var sourceId = $"bench-src-{i % 50:D2}";
        var article = samples.Create(sourceId, url, i, withBody: false);
        var result = await store.SaveArticleAsync(sourceId, article, FingerprintRows.Now, cancellationToken);
        return result.Outcome;
    }
}
