namespace NewsFeedWorker.Parsing.Content;

/// <summary>
/// A linear scan of the page text before the tree is built. The tree builder's cost grows faster than the page on some
/// shapes: 100,000 nested <c>&lt;div&gt;</c> took 74 s to build, 30,000 unclosed <c>&lt;b&gt;&lt;i&gt;&lt;u&gt;</c> 28 s, one
/// <c>class</c> attribute with 150,000 names 27 s, a million sibling <c>&lt;p&gt;</c> minutes. Such pages are refused here
/// with a reason, before any of that work starts. The depth is an estimate (start tags minus end tags, without the
/// elements whose end tag is optional), close to what the builder would make of unclosed tags.
/// </summary>
internal static class MarkupGuard
{
    /// <summary>More start tags than any real page has (long news pages have 3,000–20,000; building 100,000 takes about 0.6 s of CPU).</summary>
    public const int MaxElements = 100_000;

    /// <summary>Estimated nesting beyond which a page is refused before the tree is built.</summary>
    public const int MaxDepth = 1_000;

    /// <summary>Whitespace-separated words inside one tag (class names, attributes).</summary>
    // Real pages carry tags of several thousand words (JSON in a data attribute, long srcsets): only far beyond that is it a bomb.
    public const int MaxWordsInTag = 20_000;

    private static readonly System.Buffers.SearchValues<char> TagStops = System.Buffers.SearchValues.Create(">\"'");

    private static readonly string[] RawTextElements = ["script", "style", "textarea", "title", "xmp", "noscript", "template"];

    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements, and elements whose end tag may be left out (the next sibling closes them).
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc", "tbody", "thead",
        "tfoot", "colgroup", "caption", "html", "head", "body", "frame", "keygen", "basefont", "bgsound", "image",
    };

    /// <summary>Null when the page may be parsed, else why not.</summary>
    public static string? Check(string html)
    {
        var elements = 0;
        var depth = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (next == '!' && string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var closing = next == '/';
            var nameStart = closing ? i + 2 : i + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }

            var (tagEnd, words) = TagEnd(html, nameEnd);
            if (words > MaxWordsInTag)
            {
                return $"too complex: a tag with more than {MaxWordsInTag:N0} words (class names or attributes)";
            }

            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var selfClosing = tagEnd > 0 && html[tagEnd - 1] == '/';
            i = tagEnd + 1;
            if (closing)
            {
                depth -= depth > 0 && !IsNotNesting(name) ? 1 : 0;
                continue;
            }

            if (++elements > MaxElements)
            {
                return $"too complex: more than {MaxElements:N0} elements";
            }

            if (RawTextOf(name) is { } raw)
            {
                // Script and style text is not markup: skip to its end tag.
                var end = html.IndexOf("</" + raw, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
            }
            else if (!selfClosing && !IsNotNesting(name) && ++depth > MaxDepth)
            {
                return $"too complex: markup nested deeper than {MaxDepth:N0} levels";
            }
        }

        return null;
    }

    /// <summary>The index of the tag's closing <c>&gt;</c> (quotes respected) and the words seen inside it.</summary>
    /// <remarks>
    /// Words are counted only in a tag long enough to hold too many (each word takes a character and a space after it):
    /// other tags are crossed from quote to quote by a vectorized search, the guard being a tenth of the parse otherwise.
    /// </remarks>
    private static (int End, int Words) TagEnd(string html, int from)
    {
        var end = QuickTagEnd(html, from);
        return end - from < 2 * MaxWordsInTag ? (end, 0) : CountedTagEnd(html, from);
    }

    private static (int End, int Words) CountedTagEnd(string html, int from)
    {
        var words = 0;
        var inWord = false;
        var quote = '\0';
        var afterEquals = false;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c == '>')
            {
                return (i, words);
            }
            else if (c is '"' or '\'' && afterEquals)
            {
                // Only a value opens a quote: an apostrophe elsewhere in a broken tag must not swallow the page.
                quote = c;
            }

            var space = char.IsWhiteSpace(c);
            afterEquals = c == '=' || (afterEquals && space);
            words += !space && !inWord ? 1 : 0;
            inWord = !space;
            if (words > MaxWordsInTag)
            {
                return (i, words);
            }
        }

        return (html.Length, words);
    }

    /// <summary>The tag's end as <see cref="CountedTagEnd"/> finds it: a quote opens a value only right after <c>=</c> (spaces between).</summary>
    private static int QuickTagEnd(string html, int from)
    {
        var i = from;
        while (i < html.Length)
        {
            var next = html.AsSpan(i).IndexOfAny(TagStops);
            if (next < 0)
            {
                return html.Length;
            }

            i += next;
            if (html[i] == '>')
            {
                return i;
            }

            if (!AfterEquals(html, from, i))
            {
                i++;
                continue;
            }

            var close = html.IndexOf(html[i], i + 1);
            if (close < 0)
            {
                return html.Length;
            }

            i = close + 1;
        }

        return html.Length;
    }

    private static bool AfterEquals(string html, int from, int quote)
    {
        var j = quote - 1;
        while (j >= from && char.IsWhiteSpace(html[j]))
        {
            j--;
        }

        return j >= from && html[j] == '=';
    }

    private static bool IsNotNesting(ReadOnlySpan<char> name) =>
        NotNesting.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);

    private static string? RawTextOf(ReadOnlySpan<char> name)
    {
        foreach (var raw in RawTextElements)
        {
            if (name.Equals(raw, StringComparison.OrdinalIgnoreCase))
            {
                return raw;
            }
        }

        return null;
    }
}
