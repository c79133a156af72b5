using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Parsing.Links;

/// <summary>Article links of a list page: the configured selector, else same-site links of article shape.</summary>
internal static class ArticleLinkFinder
{
    /// <returns>The links, and whether a configured selector matched nothing (the links then come from the URL shapes).</returns>
    public static (IReadOnlyList<Uri> Links, bool SelectorMissed) Find(IDocument document, PageIndex scan, SourceDefinition source, Uri pageUrl, Regex? pattern, List<string> errors)
    {
        var rules = source.ArticleLinks;
        IEnumerable<IElement> anchors = scan.Anchors;
        var selectorMissed = false;
        if (rules.Selector is { } selector)
        {
            var selected = SelectorQuery.All(document, selector, "articleLinks.selector", errors);
            if (selected.Count == 0)
            {
                selectorMissed = true;
                errors.Add($"articleLinks: selector '{selector}' matched nothing; used article URL shapes");
            }
            else
            {
                anchors = selected.Select(e => e.LocalName == "a" ? e : SelectorQuery.First(e, "a[href]", "", null)).OfType<IElement>();
            }
        }

        var selectorDecides = rules.Selector is not null && !selectorMissed;
        var self = UrlResolver.WithoutFragment(pageUrl);
        var seen = new HashSet<Uri>();
        var links = new List<Uri>();
        var builtInShapes = !selectorDecides && pattern is null;
        var allowedHosts = source.EffectiveAllowedHosts; // built anew on every read: once per page, not per anchor
        foreach (var anchor in anchors)
        {
            if (builtInShapes && anchor.GetAttribute("href") is { } href && ArticleHref.SurelyNot(href, pageUrl, allowedHosts))
            {
                continue;
            }

            if (scan.UrlOf(anchor) is not { } url)
            {
                continue;
            }

            if (url == self || !UrlResolver.HostAllowed(url, pageUrl, allowedHosts))
            {
                continue;
            }

            var shaped = selectorDecides ? pattern is null || ArticleUrlShape.IsMatch(pattern, url.AbsoluteUri) : ArticleUrlShape.Matches(url, pattern);
            if (shaped && seen.Add(url))
            {
                links.Add(url);
            }
        }

        return (links, selectorMissed);
    }
}
