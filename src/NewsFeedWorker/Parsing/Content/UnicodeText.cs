using System.Globalization;
using System.Text;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>
/// Makes parsed text valid Unicode before it enters the store or a feed. Pages carry noncharacters (<c>&amp;#xFFFE;</c>)
/// and lone surrogates (a CMS that cut a headline in the middle of an emoji): .NET's normalization, JSON and XML
/// writers throw on them, so they become U+FFFD here, once. One-line fields also lose control characters and the
/// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that can make a title read backwards in a reader.
/// </summary>
public static class UnicodeText
{
    private const char Replacement = '\uFFFD';

    /// <summary>Multi-line text (a body): invalid code points replaced, control characters other than tab and line breaks dropped.</summary>
    public static string Valid(string text) => Clean(text, oneLine: false);

    /// <summary>One-line text (a title, an author): also without line breaks, tabs, other controls and bidi overrides.</summary>
    public static string OneLine(string text) => Clean(text, oneLine: true);

    /// <summary>Null stays null; otherwise <see cref="OneLine(string)"/>.</summary>
    public static string? OneLineOrNull(string? text) => text is null ? null : OneLine(text);

    /// <summary>
    /// JSON source whose <c>\u</c> escapes all decode to valid Unicode: a lone surrogate escape (<c>"\ud83d"</c>, from a
    /// CMS that cut a headline inside an emoji) parses, but reading the string then throws, so it becomes <c>\ufffd</c>
    /// before parsing. Every JSON reader of page data goes through here. Linear; copies only when there is one.
    /// </summary>
    public static string ValidJson(string json)
    {
        StringBuilder? sb = null;
        var copied = 0;
        for (var i = json.IndexOf('\\', StringComparison.Ordinal); i >= 0 && i + 1 < json.Length; i = json.IndexOf('\\', i))
        {
            if (json[i + 1] != 'u' || !TryEscape(json, i, out var unit))
            {
                i += 2; // another escape (\\, \", \n …): its second character is never the start of one
                continue;
            }

            var pairs = char.IsHighSurrogate(unit) && TryEscape(json, i + 6, out var low) && char.IsLowSurrogate(low);
            if (!pairs && char.IsSurrogate(unit))
            {
                sb ??= new StringBuilder(json.Length);
                sb.Append(json, copied, i - copied).Append("\\ufffd");
                copied = i + 6;
            }

            i += pairs ? 12 : 6;
        }

        return sb is null ? json : sb.Append(json, copied, json.Length - copied).ToString();
    }

    private static bool TryEscape(string json, int at, out char unit)
    {
        if (at + 6 > json.Length || json[at] != '\\' || json[at + 1] != 'u'
            || !ushort.TryParse(json.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            unit = '\0';
            return false;
        }

        unit = (char)value;
        return true;
    }

    private static string Clean(string text, bool oneLine)
    {
        // Most text is clean: checked first so that it is returned without a copy.
        var firstBad = FirstProblem(text, oneLine);
        if (firstBad < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, text[i + 1]);
                sb.Append(IsNoncharacter(scalar) ? Replacement.ToString() : text.Substring(i, 2));
                i++;
            }
            else if (char.IsSurrogate(c) || IsNoncharacter(c))
            {
                sb.Append(Replacement);
            }
            else if (IsLineBreakOrTab(c))
            {
                sb.Append(oneLine ? ' ' : c);
            }
            else if (!IsDropped(c, oneLine))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static int FirstProblem(string text, bool oneLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, text[i + 1])))
                {
                    return i;
                }

                i++;
            }
            else if (char.IsSurrogate(c) || IsNoncharacter(c) || (oneLine && IsLineBreakOrTab(c)) || (!IsLineBreakOrTab(c) && IsDropped(c, oneLine)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE …).</summary>
    private static bool IsNoncharacter(int scalar) => scalar is >= 0xFDD0 and <= 0xFDEF || (scalar & 0xFFFE) == 0xFFFE;

    private static bool IsLineBreakOrTab(char c) => c is '\n' or '\r' or '\t' or '\u2028' or '\u2029';

    /// <summary>C0 and C1 controls and DEL everywhere; bidi embeddings, overrides and isolates in one-line fields.</summary>
    private static bool IsDropped(char c, bool oneLine) =>
        char.GetUnicodeCategory(c) == UnicodeCategory.Control
        || (oneLine && c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));
}
