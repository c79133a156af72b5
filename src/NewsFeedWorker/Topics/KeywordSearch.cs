using System.Globalization;

namespace NewsFeedWorker.Topics;

/// <summary>
/// Finds a keyword in text the way Korean is written: case-insensitively, starting at the start of a word, and for a
/// keyword ending in Hangul whatever follows (particles and endings: <c>행정안전부</c> matches <c>행정안전부는</c>).
/// A keyword that starts or ends in Latin letters or digits must not continue a Latin word (<c>AI</c> does not match
/// <c>SAID</c> or <c>AIR</c>, but does match <c>생성형AI</c> and <c>AI가</c>).
/// </summary>
public static class KeywordSearch
{
    /// <summary>The index of the first match at or after <paramref name="from"/>, or -1.</summary>
    public static int IndexOf(string text, string keyword, int from = 0)
    {
        if (keyword.Length == 0)
        {
            return -1;
        }

        var at = from;
        while (at <= text.Length - keyword.Length)
        {
            var found = text.IndexOf(keyword, at, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return -1;
            }

            if (StartsWord(text, found, keyword[0]) && EndsWell(text, found + keyword.Length, keyword[^1]))
            {
                return found;
            }

            at = found + 1;
        }

        return -1;
    }

    private static bool StartsWord(string text, int index, char first) =>
        index == 0 || ClassOf(text[index - 1]) is var before && (before == Script.Other || before != ClassOf(first));

    private static bool EndsWell(string text, int end, char last) =>
        end >= text.Length || ClassOf(last) != Script.Latin || ClassOf(text[end]) != Script.Latin;

    private static Script ClassOf(char c) => c switch
    {
        >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F' => Script.Hangul,
        _ when char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark => Script.Latin,
        _ => Script.Other,
    };

    /// <summary>Hangul, other letters and digits (called Latin here), and everything else (spaces, punctuation).</summary>
    private enum Script
    {
        Other,
        Hangul,
        Latin,
    }
}
