using System.Text;
using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>Makes URLs absolute against the page's base (its <c>&lt;base href&gt;</c> resolved against the final URL).</summary>
internal static class UrlResolver
{
    public static Uri BaseOf(IDocument document, Uri pageUrl)
    {
        var href = document.Head is { } head ? SelectorQuery.First(head, "base[href]", "", null)?.GetAttribute("href") : null;
        return Resolve(pageUrl, href) ?? pageUrl;
    }

    /// <summary>An absolute http(s) URL, or null for empty, <c>javascript:</c>, <c>data:</c> and malformed values.</summary>
    public static Uri? Resolve(Uri baseUri, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var trimmed = raw.Trim();
        if (trimmed.StartsWith('#'))
        {
            return null;
        }

        if (!Uri.TryCreate(baseUri, trimmed, out var resolved) || resolved.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return resolved;
    }

    /// <summary>Rewrites every candidate of a <c>srcset</c> (<c>a.jpg 1x, b.jpg 2x</c>) to an absolute URL.</summary>
    public static string? ResolveSrcset(Uri baseUri, string srcset)
    {
        var builder = new StringBuilder(srcset.Length + 64);
        foreach (var candidate in srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = candidate.IndexOf(' ', StringComparison.Ordinal);
            var url = space < 0 ? candidate : candidate[..space];
            if (Resolve(baseUri, url) is not { } absolute)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            builder.Append(absolute.AbsoluteUri);
            if (space >= 0)
            {
                builder.Append(candidate.AsSpan(space));
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    public static Uri WithoutFragment(Uri uri) =>
        uri.Fragment.Length == 0 ? uri : new Uri(uri.GetLeftPart(UriPartial.Query));

    /// <summary>Same site: equal hosts, ignoring a leading <c>www.</c> and <c>m.</c>.</summary>
    public static bool SameSite(Uri a, Uri b) =>
        SiteHost(a.Host).Equals(SiteHost(b.Host), StringComparison.OrdinalIgnoreCase);

    public static bool HostAllowed(Uri url, Uri page, IReadOnlyList<string> allowedHosts) =>
        HostAllowed(url.Host, page, allowedHosts);

    /// <summary>The page's site or one of the allowed hosts; the host as a span, so a raw href's can be tested before it becomes a <c>Uri</c>.</summary>
    public static bool HostAllowed(ReadOnlySpan<char> host, Uri page, IReadOnlyList<string> allowedHosts)
    {
        var site = SiteHost(host);
        if (site.Equals(SiteHost(page.Host), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var allowed in allowedHosts)
        {
            if (SiteHost(allowed).Equals(site, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The host without its <c>www.</c> or <c>m.</c>; a span, because every anchor of a page is compared.</summary>
    private static ReadOnlySpan<char> SiteHost(ReadOnlySpan<char> host) =>
        host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..]
        : host.StartsWith("m.", StringComparison.OrdinalIgnoreCase) ? host[2..]
        : host;
}
