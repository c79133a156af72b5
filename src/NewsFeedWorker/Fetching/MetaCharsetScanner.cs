using System.Text;

namespace NewsFeedWorker.Fetching;

/// <summary>
/// Finds the charset a page declares in <c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="Content-Type"&gt;</c>.
/// Works on bytes (every legacy charset we meet is ASCII-compatible in markup) and scans the whole head, not
/// only the first 1024 bytes browsers look at: many sites put the declaration after long scripts.
/// </summary>
public static class MetaCharsetScanner
{
    public static string? Find(ReadOnlySpan<byte> html)
    {
        var i = 0;
        while (i < html.Length)
        {
            var lt = html[i..].IndexOf((byte)'<');
            if (lt < 0)
            {
                return null;
            }

            i += lt;
            var rest = html[i..];
            if (rest.StartsWith("<!--"u8))
            {
                var end = rest.IndexOf("-->"u8);
                if (end < 0)
                {
                    return null;
                }

                i += end + 3;
                continue;
            }

            if (StartsWithTag(rest, "<body"u8) || StartsWithTag(rest, "</head"u8))
            {
                return null;
            }

            if (StartsWithTag(rest, "<meta"u8))
            {
                var (charset, consumed) = ReadMeta(rest);
                if (charset is not null)
                {
                    return charset;
                }

                i += consumed;
                continue;
            }

            i++;
        }

        return null;
    }

    private static bool StartsWithTag(ReadOnlySpan<byte> text, ReadOnlySpan<byte> tag) =>
        text.Length > tag.Length
        && Ascii.EqualsIgnoreCase(text[..tag.Length], tag)
        && (IsSpace(text[tag.Length]) || text[tag.Length] is (byte)'>' or (byte)'/');

    private static (string? Charset, int Consumed) ReadMeta(ReadOnlySpan<byte> tag)
    {
        var pos = 5; // past "<meta"
        string? charset = null, content = null;
        var isContentType = false;
        while (pos < tag.Length && tag[pos] != (byte)'>')
        {
            if (IsSpace(tag[pos]) || tag[pos] == (byte)'/')
            {
                pos++;
                continue;
            }

            var nameStart = pos;
            while (pos < tag.Length && !IsSpace(tag[pos]) && tag[pos] is not ((byte)'=' or (byte)'>' or (byte)'/'))
            {
                pos++;
            }

            var name = Encoding.ASCII.GetString(tag[nameStart..pos]).ToLowerInvariant();
            string value = "";
            while (pos < tag.Length && IsSpace(tag[pos]))
            {
                pos++;
            }

            if (pos < tag.Length && tag[pos] == (byte)'=')
            {
                pos++;
                while (pos < tag.Length && IsSpace(tag[pos]))
                {
                    pos++;
                }

                value = ReadValue(tag, ref pos);
            }

            switch (name)
            {
                case "charset": charset ??= value; break;
                case "content": content ??= value; break;
                case "http-equiv": isContentType |= value.Equals("content-type", StringComparison.OrdinalIgnoreCase); break;
            }
        }

        var found = charset ?? (isContentType && content is not null ? CharsetFromContentType(content) : null);
        return (string.IsNullOrWhiteSpace(found) ? null : found.Trim(), Math.Max(pos, 1));
    }

    private static string ReadValue(ReadOnlySpan<byte> tag, ref int pos)
    {
        if (pos < tag.Length && tag[pos] is (byte)'"' or (byte)'\'')
        {
            var quote = tag[pos++];
            var start = pos;
            var end = tag[start..].IndexOf(quote);
            pos = end < 0 ? tag.Length : start + end + 1;
            return Encoding.ASCII.GetString(tag[start..(end < 0 ? tag.Length : start + end)]);
        }

        var begin = pos;
        while (pos < tag.Length && !IsSpace(tag[pos]) && tag[pos] != (byte)'>')
        {
            pos++;
        }

        return Encoding.ASCII.GetString(tag[begin..pos]);
    }

    /// <summary>The <c>charset=</c> parameter of a Content-Type value, quoted or not.</summary>
    public static string? CharsetFromContentType(string contentType)
    {
        var at = contentType.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var rest = contentType[(at + "charset".Length)..].TrimStart();
        if (!rest.StartsWith('='))
        {
            return null;
        }

        rest = rest[1..].TrimStart().TrimStart('"', '\'');
        var end = rest.IndexOfAny([';', '"', '\'', ' ', ',']);
        var value = end < 0 ? rest : rest[..end];
        return value.Length == 0 ? null : value;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';
}
