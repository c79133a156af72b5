using System.Numerics;

namespace NewsFeedWorker.Dedupe;

/// <summary>
/// A 64-bit SimHash over overlapping character shingles: similar texts get hashes a few bits apart, and no
/// tokenizer is needed, so it works for Korean as well as for spaced languages.
/// </summary>
public static class SimHash
{
    /// <summary>Shingle length in characters: long enough that shared syllables alone do not match, short enough for spelling variants.</summary>
    public const int ShingleLength = 4;

    /// <summary>The fingerprint of already normalized text (see <see cref="FingerprintText"/>).</summary>
    public static ulong Compute(string normalizedText)
    {
        Span<int> votes = stackalloc int[64];
        var text = normalizedText.AsSpan();
        var count = Math.Max(1, text.Length - ShingleLength + 1);
        for (var i = 0; i < count; i++)
        {
            var shingle = text.Slice(i, Math.Min(ShingleLength, text.Length - i));
            var h = Hash(shingle);
            for (var bit = 0; bit < 64; bit++)
            {
                votes[bit] += ((h >> bit) & 1) != 0 ? 1 : -1;
            }
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (votes[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return result;
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>The four 16-bit bands the store indexes: two hashes within 3 bits share at least one band exactly.</summary>
    public static int Band(ulong hash, int band) => (int)((hash >> (band * 16)) & 0xFFFF);

    /// <summary>FNV-1a with a MurmurHash3 finalizer, so that every output bit depends on every input character (also the fingerprint of a body block's text).</summary>
    internal static ulong Hash(ReadOnlySpan<char> shingle)
    {
        var h = 14695981039346656037UL;
        foreach (var c in shingle)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9a53ca5c26bUL;
        h ^= h >> 33;
        return h;
    }
}
