namespace NewsFeedWorker.IntegrationTests.Corpus;

/// <summary>
/// Tokenization for body-text F1: lower-cased runs of non-space characters, except that every CJK
/// character (Han, Kana) is a token on its own, so pages written without spaces count fairly.
/// </summary>
public static class TextTokens
{
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                Flush(i);
            }
            else if (IsCjk(c))
            {
                Flush(i);
                tokens.Add(c.ToString());
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        Flush(text.Length);
        return tokens;

        void Flush(int end)
        {
            if (start >= 0)
            {
                tokens.Add(text[start..end].ToLowerInvariant());
                start = -1;
            }
        }
    }

    /// <summary>Bag-of-tokens F1 (each token counted as often as it occurs on both sides).</summary>
    public static double F1(string expected, string actual)
    {
        var expectedTokens = Tokenize(expected);
        var actualTokens = Tokenize(actual);
        if (expectedTokens.Count == 0 && actualTokens.Count == 0)
        {
            return 1;
        }

        if (expectedTokens.Count == 0 || actualTokens.Count == 0)
        {
            return 0;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in expectedTokens)
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        var overlap = 0;
        foreach (var token in actualTokens)
        {
            if (counts.TryGetValue(token, out var left) && left > 0)
            {
                counts[token] = left - 1;
                overlap++;
            }
        }

        if (overlap == 0)
        {
            return 0;
        }

        var precision = (double)overlap / actualTokens.Count;
        var recall = (double)overlap / expectedTokens.Count;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>Han and Kana; Hangul is left out because Korean separates words with spaces.</summary>
    private static bool IsCjk(char c)
        => c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>Collapses white space (no-break spaces included) and trims.</summary>
    public static string Normalize(string? text)
        => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace('\u00A0', ' ').Trim();
}
