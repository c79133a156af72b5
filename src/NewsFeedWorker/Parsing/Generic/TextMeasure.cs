using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Span-based text measurements shared by the scorer and the cleaner (no regex, no allocation).</summary>
internal static class TextMeasure
{
    /// <summary>Length of the text with white-space runs collapsed to one character and the ends trimmed.</summary>
    public static int CollapsedLength(ReadOnlySpan<char> text)
    {
        var length = 0;
        var inSpace = true; // leading white space is not counted
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                inSpace = true;
                continue;
            }

            if (inSpace && length > 0)
            {
                length++;
            }

            inSpace = false;
            length++;
        }

        return length;
    }

    /// <summary>Commas in Latin, Arabic and CJK scripts: Readability counts only the Latin ones, which starves CJK pages.</summary>
    public static int CountCommas(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is ',' or '\u060C' or '\uFE50' or '\uFE10' or '\uFE11' or '\u2E41' or '\u2E34' or '\u2E32' or '\uFF0C' or '\u3001')
            {
                count++;
            }
        }

        return count;
    }

    public static bool IsSpace(char c) => TextNormalizer.IsSpace(c);

    /// <summary>Collapses white space (including no-break spaces) and trims.</summary>
    public static string Collapse(string? text) => TextNormalizer.Clean(text) ?? string.Empty;

    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }

    /// <summary>Share of the tokens of <paramref name="b"/> that also occur in <paramref name="a"/>, weighted by length (1 = same words).</summary>
    public static double Similarity(string a, string b)
    {
        var tokensA = Tokens(a).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var tokensB = Tokens(b).ToList();
        if (tokensA.Count == 0 || tokensB.Count == 0)
        {
            return 0;
        }

        var total = tokensB.Sum(t => t.Length + 1);
        var unique = tokensB.Where(t => !tokensA.Contains(t)).Sum(t => t.Length + 1);
        return 1 - ((double)unique / total);
    }

    /// <summary>The runs of letters and digits of <paramref name="text"/>, in order.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
