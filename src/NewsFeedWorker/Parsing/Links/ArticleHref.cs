using System.Buffers;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Links;

/// <summary>
/// The article-link finder's test on a raw href, before it is resolved into a <see cref="Uri"/>: most of a page's
/// anchors (sections, tags, other sites) fail the site test or the built-in URL shapes, and building a <c>Uri</c> for
/// each of them was the largest single allocation of extraction. It only rules out: whatever it lets through is
/// resolved and tested as before, so the links found are the same.
/// </summary>
internal static class ArticleHref
{
    /// <summary>
    /// True when the href surely resolves to no article link of the page under the built-in shapes: an absolute
    /// (<c>https://host/…</c>, <c>//host/…</c>) href whose host is a plain name of a site neither the page's nor
    /// allowed, or an absolute or root-relative href of plain characters (none that <c>Uri</c> escapes, since an
    /// escape holds digits) whose path and query, which <c>Uri</c> keeps as written, fail the built-in article shapes.
    /// Relative paths, ports, IP addresses and escapes are left to the full test.
    /// </summary>
    public static bool SurelyNot(string href, Uri pageUrl, IReadOnlyList<string> allowedHosts)
    {
        var text = href.AsSpan().Trim();
        int pathStart;
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("//", StringComparison.Ordinal))
        {
            var hostStart = text.IndexOf("//", StringComparison.Ordinal) + 2;
            var hostLength = text[hostStart..].IndexOfAny('/', '?', '#');
            pathStart = hostLength < 0 ? text.Length : hostStart + hostLength;
            var host = text[hostStart..pathStart];
            if (!IsPlainHost(host))
            {
                return false;
            }

            if (!UrlResolver.HostAllowed(host, pageUrl, allowedHosts))
            {
                return true;
            }
        }
        else if (text.StartsWith('/'))
        {
            pathStart = 0;
        }
        else
        {
            return false; // relative to the base's own path, which may hold the digits
        }

        var rest = text[pathStart..];
        if (rest.ContainsAnyExcept(PlainChars))
        {
            return false; // an escape, or a character Uri escapes (into digits)
        }

        // Plain characters: Uri's path and query are the href's own, unless dot segments or empty ones get rewritten.
        var fragment = rest.IndexOf('#');
        var pathAndQuery = fragment < 0 ? rest : rest[..fragment];
        var query = pathAndQuery.IndexOf('?');
        var path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        if (!path.StartsWith('/') || path.Contains("/.", StringComparison.Ordinal) || path.Contains("./", StringComparison.Ordinal)
            || path.EndsWith('.') || path.Contains("//", StringComparison.Ordinal))
        {
            // No path of its own (Uri puts a slash first), or one Uri rewrites: the article shapes need a digit or articleView.
            return !ArticleUrlShape.MayMatchBuiltIn(rest);
        }

        return !ArticleUrlShape.MatchesBuiltIn(pathAndQuery);
    }

    /// <summary>
    /// A DNS name <c>Uri</c> keeps as written (up to case): labels of 1–63 letters, digits and inner hyphens, the last
    /// starting with a letter (so no IP address in any of its spellings).
    /// </summary>
    private static bool IsPlainHost(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host.Length > 253)
        {
            return false;
        }

        var last = host;
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.IsEmpty || label.Length > 63 || !char.IsAsciiLetterOrDigit(label[0]) || !char.IsAsciiLetterOrDigit(label[^1])
                || label.ContainsAnyExcept(LabelChars))
            {
                return false;
            }

            last = label;
        }

        return char.IsAsciiLetter(last[0]);
    }

    private static readonly SearchValues<char> PlainChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_.~?&=:#+,");

    private static readonly SearchValues<char> LabelChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");
}
