using System.Text.RegularExpressions;

namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>
/// Bag-of-words body F1 exactly as the development sets score it: lower-cased <c>\w+</c> tokens, and for Chinese,
/// Japanese and Korean pages character bigrams of the text with all white space removed.
/// </summary>
internal static partial class BodyTokens
{
    public static bool UsesBigrams(string language) => language is "ja" or "zh" or "ko" || language.StartsWith("zh-", StringComparison.Ordinal);

    public static List<string> Of(string text, bool bigrams)
    {
        if (!bigrams)
        {
            return [.. Word().Matches(text.ToLowerInvariant()).Select(m => m.Value)];
        }

        var compact = WhiteSpace().Replace(text.ToLowerInvariant(), "");
        var tokens = new List<string>(Math.Max(0, compact.Length - 1));
        for (var i = 0; i + 1 < compact.Length; i++)
        {
            tokens.Add(compact.Substring(i, 2));
        }

        return tokens;
    }

    /// <summary>Precision, recall and F1 of <paramref name="actual"/> against <paramref name="expected"/>; nothing extracted scores 0.</summary>
    public static BodyScore Score(string? actual, string expected, bool bigrams)
    {
        var got = Of(actual ?? "", bigrams);
        var want = Of(expected, bigrams);
        if (got.Count == 0 || want.Count == 0)
        {
            return new BodyScore(0, 0, 0);
        }

        var remaining = Count(want);
        var common = 0;
        foreach (var token in got)
        {
            if (remaining.TryGetValue(token, out var count) && count > 0)
            {
                common++;
                remaining[token] = count - 1;
            }
        }

        if (common == 0)
        {
            return new BodyScore(0, 0, 0);
        }

        var precision = (double)common / got.Count;
        var recall = (double)common / want.Count;
        return new BodyScore(precision, recall, 2 * precision * recall / (precision + recall));
    }

    /// <summary>Tokens of <paramref name="from"/> left over after taking away those of <paramref name="other"/>, most frequent first.</summary>
    public static IEnumerable<(string Token, int Count)> Surplus(string from, string other, bool bigrams)
    {
        var left = Count(Of(from, bigrams));
        foreach (var token in Of(other, bigrams))
        {
            if (left.TryGetValue(token, out var count))
            {
                left[token] = count - 1;
            }
        }

        return left.Where(pair => pair.Value > 0).OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (pair.Key, pair.Value));
    }

    private static Dictionary<string, int> Count(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        return counts;
    }

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();
}
