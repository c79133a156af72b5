using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Suggesting;

/// <summary>
/// The <c>articleLinks</c> rules of a list page: the selector that picks the most of the article links generic mode found
/// and nothing else, the URL shape they share, and the next-page link.
/// </summary>
internal static partial class LinkRulesDeriver
{
    public static (ArticleLinkRules Rules, IReadOnlyList<Uri> Links) Derive(SamplePage list, PageParseResult generic)
    {
        var document = list.Document;
        var articles = generic.ArticleLinks.Select(Key).ToHashSet(StringComparer.Ordinal);
        var anchors = document.QuerySelectorAll("a[href]").Where(a => Resolve(list.Url, a) is { } url && articles.Contains(Key(url))).ToList();

        string? best = null;
        var bestLinks = new List<Uri>();
        var bestAside = true;
        foreach (var candidate in anchors.SelectMany(Candidates).Distinct(StringComparer.Ordinal))
        {
            var selected = CssPath.AllMatches(document, candidate).Select(e => e.LocalName == "a" ? e : e.QuerySelector("a[href]")).ToList();
            var urls = selected.Select(a => a is null ? null : Resolve(list.Url, a)).ToList();
            if (urls.Count == 0 || urls.Any(u => u is null || !articles.Contains(Key(u))))
            {
                continue;
            }

            // A list in the main column beats a longer one in a side box (most read, ranking) or a menu.
            var distinct = urls.DistinctBy(u => Key(u!)).Select(u => u!).ToList();
            var aside = selected.Any(a => a is not null && InSideBox(a));
            var better = best is null
                || (!aside && bestAside)
                || (aside == bestAside && (distinct.Count > bestLinks.Count || (distinct.Count == bestLinks.Count && candidate.Length < best.Length)));
            if (better)
            {
                best = candidate;
                bestLinks = distinct;
                bestAside = aside;
            }
        }

        var links = best is null ? generic.ArticleLinks : bestLinks;
        // Of the links to the next page (a page number, "다음", "맨끝"), the one named next; a named selector over a position.
        var nextPage = generic.NextPage is { } next
            ? document.QuerySelectorAll("a[href]").Where(a => Resolve(list.Url, a) is { } url && Key(url) == Key(next))
                .OrderBy(a => NextName().IsMatch(a.TextContent + " " + a.ClassName + " " + a.ParentElement?.ClassName) ? 0 : 1)
                .SelectMany(CssPath.For).OrderBy(s => s.Contains(':', StringComparison.Ordinal) ? 1 : 0).FirstOrDefault()
            : null;
        var rules = new ArticleLinkRules { Selector = best, UrlPattern = Pattern(links), NextPage = nextPage };
        return (rules, links);
    }

    /// <summary>The URL shape all the links share (numbers generalized), or null when they have several shapes.</summary>
    public static string? Pattern(IReadOnlyList<Uri> links)
    {
        var shapes = links.Select(u => Digits().Replace(Regex.Escape(u.AbsolutePath + u.Query), @"\d+") + "$").Distinct(StringComparer.Ordinal).ToList();
        return shapes.Count == 1 && shapes[0].Contains(@"\d+", StringComparison.Ordinal) ? shapes[0] : null;
    }

    private static IEnumerable<string> Candidates(IElement anchor)
    {
        foreach (var name in CssPath.StableClasses(anchor))
        {
            yield return "a." + name;
        }

        var current = anchor.ParentElement;
        for (var i = 0; i < 3 && current is not null && current.LocalName is not ("body" or "html"); i++, current = current.ParentElement)
        {
            foreach (var key in CssPath.Keys(current).Where(k => k != current.LocalName))
            {
                yield return key + " a";
            }
        }
    }

    private static bool InSideBox(IElement anchor)
    {
        for (var current = anchor.ParentElement; current is not null; current = current.ParentElement)
        {
            if (current.LocalName is "aside" or "nav" or "footer" or "header"
                || SideName().IsMatch(current.ClassName ?? "") || SideName().IsMatch(current.Id ?? ""))
            {
                return true;
            }
        }

        return false;
    }

    private static Uri? Resolve(Uri page, IElement anchor) =>
        Uri.TryCreate(page, anchor.GetAttribute("href"), out var url) && url.Scheme is "http" or "https" ? url : null;

    private static string Key(Uri url) => url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);

    [GeneratedRegex("rank|popular|best|most|hot|side|aside|banner|footer|gnb|menu", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex SideName();

    [GeneratedRegex("next|다음|›|»", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex NextName();

    [GeneratedRegex("[0-9]+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Digits();
}
