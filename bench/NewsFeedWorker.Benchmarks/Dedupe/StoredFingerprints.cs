namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>
/// Deterministic fingerprints to store and to look up. Stored ones are uniformly random 64-bit values (the
/// best case for banded lookup: real SimHashes of similar-language text share more band values); a share of
/// the queries are planted near-duplicates, a stored value with 1–3 bits flipped, so the hit path is timed too.
/// </summary>
internal sealed class StoredFingerprints(int count, int seed = 20251108)
{
    public int Count { get; } = count;

    /// <summary>The i-th stored fingerprint (recomputed, not kept: a million of them need no list).</summary>
    public ulong At(int index)
    {
        var state = (ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index;
        return SplitMix(ref state);
    }

    /// <summary>Queries in a fixed order: every <paramref name="hitEvery"/>-th is a planted near-duplicate.</summary>
    public IReadOnlyList<FingerprintQuery> Queries(int count, int hitEvery)
    {
        var random = new Random(seed + 1);
        var queries = new List<FingerprintQuery>(count);
        for (var i = 0; i < count; i++)
        {
            if (hitEvery > 0 && i % hitEvery == 0)
            {
                var target = random.Next(Count);
                var value = At(target);
                var flips = 1 + random.Next(3);
                var flipped = new HashSet<int>();
                while (flipped.Count < flips)
                {
                    flipped.Add(random.Next(64));
                }

                foreach (var bit in flipped)
                {
                    value ^= 1UL << bit;
                }

                queries.Add(new FingerprintQuery(value, target));
            }
            else
            {
                queries.Add(new FingerprintQuery((ulong)random.NextInt64() ^ ((ulong)random.Next() << 63), null));
            }
        }

        return queries;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
