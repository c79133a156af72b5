using System.Text;

namespace NewsFeedWorker.Fetching;

/// <summary>
/// Maps charset labels to encodings the way browsers do (WHATWG Encoding): the Korean labels, including
/// <c>ks_c_5601-1987</c>, all mean windows-949, a superset of EUC-KR; latin1 means windows-1252; and so on.
/// </summary>
public static class EncodingLabels
{
    private static readonly Dictionary<string, int> CodePages = new(StringComparer.OrdinalIgnoreCase)
    {
        // Korean: pages labelled EUC-KR routinely use the CP949 (UHC) extension, so decode them all as 949.
        ["euc-kr"] = 949, ["cseuckr"] = 949, ["csksc56011987"] = 949, ["iso-ir-149"] = 949, ["korean"] = 949,
        ["ks_c_5601-1987"] = 949, ["ks_c_5601-1989"] = 949, ["ksc5601"] = 949, ["ksc_5601"] = 949,
        ["windows-949"] = 949, ["cp949"] = 949, ["uhc"] = 949, ["x-windows-949"] = 949,
        // Western: the web never meant strict ISO-8859-1 or ASCII.
        ["iso-8859-1"] = 1252, ["latin1"] = 1252, ["l1"] = 1252, ["us-ascii"] = 1252, ["ascii"] = 1252,
        ["iso_8859-1"] = 1252, ["cp1252"] = 1252, ["windows-1252"] = 1252, ["x-cp1252"] = 1252,
        // Chinese and Japanese legacy labels.
        ["gb2312"] = 936, ["gbk"] = 936, ["x-gbk"] = 936, ["csgb2312"] = 936, ["chinese"] = 936,
        ["gb18030"] = 54936, ["big5"] = 950, ["big5-hkscs"] = 950, ["x-x-big5"] = 950,
        ["shift_jis"] = 932, ["shift-jis"] = 932, ["sjis"] = 932, ["x-sjis"] = 932, ["windows-31j"] = 932, ["ms932"] = 932,
        ["euc-jp"] = 51932, ["x-euc-jp"] = 51932, ["tis-620"] = 874, ["windows-874"] = 874,
    };

    public static Encoding? Resolve(string? label)
    {
        var trimmed = label?.Trim().Trim('"', '\'').Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        try
        {
            if (CodePages.TryGetValue(trimmed, out var codePage))
            {
                return Encoding.GetEncoding(codePage);
            }

            var encoding = Encoding.GetEncoding(trimmed);
            // "utf-7" is a known XSS vector and no news site uses it.
            return encoding.CodePage == 65000 ? null : encoding;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // Unknown label, or one .NET refuses (UTF-7): the page's word is ignored, the next clue decides.
            return null;
        }
    }

    /// <summary>The WHATWG default for undeclared, non-UTF-8 pages, by the page's language.</summary>
    public static Encoding ForLanguage(string? language)
    {
        var primary = language?.Split('-', '_')[0].ToLowerInvariant();
        var tag = language?.ToLowerInvariant();
        return primary switch
        {
            "ko" => Encoding.GetEncoding(949),
            "ja" => Encoding.GetEncoding(932),
            "zh" when tag is "zh-tw" or "zh-hk" or "zh-hant" => Encoding.GetEncoding(950),
            "zh" => Encoding.GetEncoding(54936),
            "ru" or "uk" or "bg" or "sr" or "mk" or "be" => Encoding.GetEncoding(1251),
            "th" => Encoding.GetEncoding(874),
            _ => Encoding.GetEncoding(1252),
        };
    }
}
