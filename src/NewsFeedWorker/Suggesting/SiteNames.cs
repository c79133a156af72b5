using System.Globalization;
using System.Net;

namespace NewsFeedWorker.Suggesting;

/// <summary>Defaults a site gives itself: an id from its host, a name from <c>og:site_name</c>, a time zone from its dates.</summary>
internal static class SiteNames
{
    /// <summary><c>www.portalnews.co.kr</c> gives <c>portalnews</c>; an address gives its digits joined by dashes.</summary>
    public static string DefaultId(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        if (IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return new string([.. host.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        }

        var labels = host.Split('.').Where(l => l is not ("www" or "m" or "mobile")).ToList();
        var label = labels.Count > 0 ? labels[0] : host;
        var id = new string([.. label.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')]);
        return id.Length == 0 ? "site" : id[..Math.Min(id.Length, 64)];
    }

    public static string? SiteName(IEnumerable<SamplePage> pages) => pages
        .Select(p => p.Document.QuerySelector("meta[property='og:site_name']")?.GetAttribute("content"))
        .Select(n => Text.Norm(n))
        .FirstOrDefault(n => n.Length > 0);

    /// <summary>
    /// A fixed-offset zone when every declared publication time carries the same offset other than Korea's (the default
    /// zone); null when the pages say nothing or agree with the default.
    /// </summary>
    public static string? TimeZone(IEnumerable<SamplePage> pages)
    {
        var offsets = pages
            .Select(p => p.Document.QuerySelector("meta[property='article:published_time']")?.GetAttribute("content"))
            .Select(t => DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && t!.Length > 19 ? at.Offset : (TimeSpan?)null)
            .Where(o => o is not null)
            .Distinct()
            .ToList();
        if (offsets.Count != 1 || offsets[0] is not { } offset || offset == TimeSpan.FromHours(9) || offset.Minutes != 0)
        {
            return null;
        }

        // POSIX-style names: Etc/GMT-2 is two hours ahead of UTC.
        return offset == TimeSpan.Zero ? "Etc/UTC" : string.Create(CultureInfo.InvariantCulture, $"Etc/GMT{(offset.Hours > 0 ? "-" : "+")}{Math.Abs(offset.Hours)}");
    }
}
