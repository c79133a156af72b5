using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>Bytes to DOM: decodes with the fetch stage's charset, re-decoding when the page's own meta charset disagrees.</summary>
internal static partial class HtmlLoader
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false, IsNotConsumingCharacterReferences = false });

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static string Decode(ReadOnlySpan<byte> body, Encoding encoding)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(body[3..]);
        }

        // A page with a few bad bytes is still a page: never decode with a throwing fallback.
        if (encoding.DecoderFallback is DecoderExceptionFallback)
        {
            encoding = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        }

        var text = encoding.GetString(body);
        if (!text.Contains('\uFFFD') || MetaCharset(body) is not { } declared || declared.CodePage == encoding.CodePage)
        {
            return text;
        }

        // The fetch stage decoded with a default (UTF-8) but the page declares e.g. euc-kr: believe the page.
        var redecoded = declared.GetString(body);
        return Count(redecoded, '\uFFFD') < Count(text, '\uFFFD') ? redecoded : text;
    }

    /// <summary>True when the bytes look like a binary file (NULs and control bytes), not a page.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> body, Encoding encoding)
    {
        if (encoding is UnicodeEncoding or UTF32Encoding)
        {
            return false;
        }

        var sample = body[..Math.Min(body.Length, 2048)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0 || (b < 0x09) || (b is > 0x0D and < 0x20 && b != 0x1B))
            {
                control++;
            }
        }

        return control * 20 > sample.Length;
    }

    /// <summary>A whole page (it opens <c>&lt;html&gt;</c> or <c>&lt;body&gt;</c>) whose end never closes them: the transfer was cut.</summary>
    public static bool LooksTruncated(string html)
    {
        var tail = html.AsSpan(Math.Max(0, html.Length - 4096));
        if (tail.Contains("</html", StringComparison.OrdinalIgnoreCase) || tail.Contains("</body", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // A page that reached its footer was delivered whole, even when it never closes <body>.
        if (tail.Contains("footer", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var head = html.AsSpan(0, Math.Min(html.Length, 4096));
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }

    private static Encoding? MetaCharset(ReadOnlySpan<byte> body)
    {
        var head = Encoding.ASCII.GetString(body[..Math.Min(body.Length, 4096)]);
        var match = CharsetPattern().Match(head);
        if (!match.Success)
        {
            return null;
        }

        var label = match.Groups["cs"].Value.ToLowerInvariant();
        try
        {
            // Browsers read euc-kr as windows-949 (UHC), a superset that covers the extended Hangul syllables.
            return label is "euc-kr" or "ks_c_5601-1987" or "cp949" or "x-windows-949" or "windows-949"
                ? Encoding.GetEncoding(949)
                : Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int Count(string text, char c)
    {
        var count = 0;
        foreach (var ch in text)
        {
            if (ch == c)
            {
                count++;
            }
        }

        return count;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<cs>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CharsetPattern();
}
