using System.Text;
using System.Text.Unicode;

namespace NewsFeedWorker.Fetching;

/// <summary>
/// Picks the encoding of a fetched page: byte order mark, then the Content-Type charset, then the page's
/// own meta declaration (unless it names a legacy charset for bytes that are valid, non-ASCII UTF-8), then UTF-8 if the
/// bytes are valid UTF-8, then the source's override, then the
/// usual legacy charset for the source's language.
/// </summary>
public static class CharsetDetector
{
    public static Encoding Detect(ReadOnlySpan<byte> body, string? headerCharset, string? sourceEncoding, string? language)
    {
        // A BOM is the one thing that cannot lie; browsers let it override even the header.
        if (FromBom(body) is { } bom)
        {
            return bom;
        }

        if (EncodingLabels.Resolve(headerCharset) is { } declared)
        {
            return declared;
        }

        if (EncodingLabels.Resolve(MetaCharsetScanner.Find(body)) is { } meta)
        {
            // A meta tag read as ASCII cannot really be UTF-16: that label there means UTF-8 (WHATWG). And a site moved
            // to UTF-8 often keeps its old tag: text that is not plain ASCII yet valid UTF-8 is UTF-8, which text in a
            // legacy charset (EUC-KR, GB2312, Shift_JIS, windows-1252) almost never is.
            return meta is UnicodeEncoding or UTF32Encoding || (meta.CodePage != Encoding.UTF8.CodePage && !Ascii.IsValid(body) && Utf8.IsValid(body))
                ? new UTF8Encoding(false)
                : meta;
        }

        if (Utf8.IsValid(body))
        {
            return new UTF8Encoding(false);
        }

        return EncodingLabels.Resolve(sourceEncoding) ?? EncodingLabels.ForLanguage(language);
    }

    private static Encoding? FromBom(ReadOnlySpan<byte> body) => body switch
    {
        [0xEF, 0xBB, 0xBF, ..] => new UTF8Encoding(true),
        [0xFE, 0xFF, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        [0xFF, 0xFE, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        _ => null,
    };
}
