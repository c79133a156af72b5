using NewsFeedWorker.Dedupe;

namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>
/// The article rows a benchmark database is filled with, one per stored fingerprint, written straight into the
/// store's own schema (its migrations create the tables) because a million saves through the store would take
/// an hour. Only the columns the near-duplicate lookup reads carry meaning.
/// </summary>
internal static class FingerprintRows
{
    public const int Sources = 50;

    /// <summary>Every stored row is first seen within this span before "now": all inside the lookup window, the worst case.</summary>
    public static readonly TimeSpan Spread = TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1);

    public static readonly DateTimeOffset Now = new(2025, 11, 8, 9, 0, 0, TimeSpan.FromHours(9));

    public const string InsertSql =
        """
        INSERT INTO articles (id, source_id, canonical_url, title, category_slug, sort_time, first_seen, last_changed,
            content_hash, simhash, band0, band1, band2, band3, near_duplicate_of, near_duplicate_distance, article_json)
        VALUES (@id, @source, @url, @title, NULL, @seen, @seen, NULL, 'bench', @simhash, @b0, @b1, @b2, @b3, NULL, NULL, '{}')
        """;

    public static string Id(int index) => $"bench-{index:D8}";

    public static string Source(int index) => $"bench-src-{index % Sources:D2}";

    public static string Url(int index) => $"https://src{index % Sources:D2}.bench.example/news/articleView.html?idxno={index}";

    public static long FirstSeen(int index, int count) =>
        (Now - Spread * ((double)index / Math.Max(1, count))).ToUnixTimeMilliseconds();

    public static int Band(ulong fingerprint, int band) => SimHash.Band(fingerprint, band);
}
