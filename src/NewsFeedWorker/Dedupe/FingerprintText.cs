using System.Text;
using System.Text.RegularExpressions;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Dedupe;

/// <summary>
/// The text a near-duplicate fingerprint is computed from: an article's text with what differs between
/// outlets re-publishing the same release removed — datelines such as <c>(포탈뉴스통신)</c> or
/// <c>[세종=뉴스핌]</c>, bylines (<c>홍길동 기자 =</c>), e-mail addresses, copyright lines, credits — and
/// then only letters and digits, lower-case, without spaces (outlets re-space Korean text).
/// </summary>
/// <remarks>
/// Everything is removed from both copies alike, so stripping a little too much (any short bracketed
/// text) costs nothing; what matters is that the shared substance is what gets hashed.
/// </remarks>
public static partial class FingerprintText
{
    public static string Normalize(string text)
    {
        // Normalization throws on noncharacters and lone surrogates; text stored before they were replaced at parse
        // time may still hold them.
        text = UnicodeText.Valid(text);
        var sb = new StringBuilder(text.Length);
        foreach (var rawLine in text.Split('\n'))
        {
            if (BoilerplateLine().IsMatch(rawLine))
            {
                continue;
            }

            var line = ShortBracketed().Replace(rawLine, " ");
            line = Email().Replace(line, " ");
            line = Byline().Replace(line, " ");
            foreach (var c in line.Normalize(NormalizationForm.FormKC))
            {
                if (char.IsLetterOrDigit(c))
                {
                    sb.Append(char.ToLowerInvariant(c));
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>Lines that are copyright or redistribution notices, whatever else they say.</summary>
    [GeneratedRegex(@"ⓒ|©|\(c\)|copyright|all rights reserved|무단\s*전재|재배포\s*금지|저작권자|AI\s*학습", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplateLine();

    /// <summary>Datelines, credits and short asides in any bracket: (포탈뉴스통신), [세종=뉴시스], 【서울=뉴스핌】, [뉴스출처 : 행정안전부].</summary>
    [GeneratedRegex(@"[\(\[【〔<〈《][^\)\]】〕>〉》\n]{0,40}[\)\]】〕>〉》]", RegexOptions.CultureInvariant)]
    private static partial Regex ShortBracketed();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    /// <summary>A byline: up to four Hangul syllables (a name, optionally spaced) before 기자/특파원/통신원, with an optional "=".</summary>
    [GeneratedRegex(@"(?:[가-힣]{2,4}\s*)?(?:선임|수석|객원|인턴)?\s*(?:기자|특파원|통신원|에디터)(?:\s*=|\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();
}
