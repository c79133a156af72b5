using System.Globalization;
using System.Text;

namespace NewsFeedWorker.Dedupe;

/// <summary>
/// The exact identity of an article: one spelling per page, so that tracking parameters, letter case,
/// default ports, fragments, parameter order and escaping differences never make a second item.
/// </summary>
/// <remarks>
/// Rules: http(s) only (other schemes are returned as they are); scheme and host lower-case, IDN hosts in
/// punycode, trailing dot of the host dropped; default port dropped; fragment dropped; an empty path becomes
/// <c>/</c>, any other path keeps its trailing slash (servers may treat <c>/a</c> and <c>/a/</c> as different
/// pages, and a false merge loses an article while a false split only costs a duplicate); percent-encoding
/// normalized (unreserved characters decoded, other escapes upper-case, non-ASCII UTF-8 encoded); query
/// parameters with known tracking names removed, empty ones dropped, the rest sorted by name then value.
/// Only well-known trackers are removed: an unknown parameter may select the article (e.g. <c>idxno</c>).
/// </remarks>
public static class UrlCanonicalizer
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid",
        "yclid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url", "twclid", "ttclid",
        "li_fat_id", "srsltid", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv",
    };

    public static Uri Canonicalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return url;
        }

        var sb = new StringBuilder(url.OriginalString.Length);
        sb.Append(url.Scheme.ToLowerInvariant()).Append("://");
        if (url.UserInfo.Length > 0)
        {
            sb.Append(NormalizeEscapes(url.UserInfo, isQuery: false)).Append('@');
        }

        sb.Append(url.IdnHost.ToLowerInvariant().TrimEnd('.'));
        if (!url.IsDefaultPort)
        {
            sb.Append(':').Append(url.Port.ToString(CultureInfo.InvariantCulture));
        }

        var path = url.AbsolutePath;
        sb.Append(path.Length == 0 ? "/" : NormalizeEscapes(path, isQuery: false));

        var query = CanonicalQuery(url.Query);
        if (query.Length > 0)
        {
            sb.Append('?').Append(query);
        }

        return new Uri(sb.ToString());
    }

    /// <summary>The canonical form as a string, the key the store indexes.</summary>
    public static string CanonicalString(Uri url) => Canonicalize(url).AbsoluteUri;

    public static bool IsTrackingParameter(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var pairs = new List<(string Name, string Value)>();
        foreach (var part in query[1..].Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = NormalizeEscapes(eq < 0 ? part : part[..eq], isQuery: true);
            var value = eq < 0 ? null : NormalizeEscapes(part[(eq + 1)..], isQuery: true);
            if (name.Length == 0 || IsTrackingParameter(Uri.UnescapeDataString(name)))
            {
                continue;
            }

            pairs.Add((name, value ?? "\0"));
        }

        pairs.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => p.Value == "\0" ? p.Name : p.Name + "=" + p.Value));
    }

    /// <summary>Decodes escaped unreserved characters, upper-cases the remaining escapes and encodes what must be.</summary>
    private static string NormalizeEscapes(string component, bool isQuery)
    {
        var sb = new StringBuilder(component.Length);
        var bytes = new List<byte>();
        for (var i = 0; i < component.Length; i++)
        {
            var c = component[i];
            if (c == '%' && i + 2 < component.Length && IsHex(component[i + 1]) && IsHex(component[i + 2]))
            {
                var b = (byte)int.Parse(component.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (b < 0x80 && IsUnreserved((char)b))
                {
                    sb.Append((char)b);
                }
                else
                {
                    sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }

                i += 2;
            }
            else if (c < 0x80 && (IsUnreserved(c) || IsAllowedReserved(c, isQuery)))
            {
                sb.Append(c);
            }
            else
            {
                bytes.Clear();
                var length = char.IsHighSurrogate(c) && i + 1 < component.Length ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(component.Substring(i, length)));
                foreach (var b in bytes)
                {
                    sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }

                i += length - 1;
            }
        }

        return sb.ToString();
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static bool IsAllowedReserved(char c, bool isQuery) =>
        c is '/' or ':' or '@' or '!' or '$' or '\'' or '(' or ')' or '*' or ',' or '+' or '=' or ';'
        || (isQuery && c is '?');
}
