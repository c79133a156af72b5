using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Dates the page marks up in its body: <c>itemprop=datePublished/dateModified</c> (microdata), <c>&lt;time&gt;</c>
/// elements whose class or itemprop says which date they are, then the first <c>&lt;time&gt;</c> in the article, and
/// hAtom's <c>abbr.published[title]</c>. They come after JSON-LD and meta tags, which state the same dates for machines.
/// </summary>
internal static class TimeElementReader
{
    public static void Read(PageIndex index, MetadataFields fields)
    {
        const ExtractionMethod method = ExtractionMethod.Heuristic;
        IElement? firstUnmarked = null;
        var marked = new List<(IElement Element, bool Published, bool Updated, bool InArticle)>();
        foreach (var element in index.DateMarkup)
        {
            var itemprop = element.GetAttribute("itemprop") ?? "";
            var (published, updated) = Kind(string.Concat(itemprop, " ", DomWalk.ClassAndId(element)));
            if (published || updated)
            {
                if (!InOtherContent(element))
                {
                    marked.Add((element, published, updated, DomWalk.HasAncestor(element, "article")));
                }
            }
            else if (element.LocalName == "time" && element.HasAttribute("datetime") && !InOtherContent(element))
            {
                firstUnmarked ??= element;
            }
        }

        // The article's own dates first: a teaser strip above it may mark its dates the same way.
        foreach (var (element, published, updated, _) in marked.OrderByDescending(m => m.InArticle))
        {
            var value = ValueOf(element);
            if (published)
            {
                fields.Offer(FieldNames.Published, value, method);
            }

            if (updated)
            {
                fields.Offer(FieldNames.Updated, value, method);
            }
        }

        // An unmarked <time>: the one in the article, the HTML5 pubdate one, else the first on the page.
        // A comment's time is never the article's, however early in the page it comes.
        var time = new[] { index.TimeInArticle, index.PubdateTime, firstUnmarked }.FirstOrDefault(t => t is not null && !InOtherContent(t));
        fields.Offer(FieldNames.Published, time is null ? null : ValueOf(time), method);
    }

    /// <summary>
    /// Which dates the names describe. WordPress marks a never-edited post's one time <c>entry-date published updated</c>:
    /// it is both; "post-date updated" without "published" is an update only.
    /// </summary>
    private static (bool Published, bool Updated) Kind(string names)
    {
        var updated = Contains(names, "modif") || Contains(names, "updat");
        var published = Contains(names, "publish") || Contains(names, "pubdate") || Contains(names, "posted") || (!updated && Contains(names, "created"));
        return (published, updated);
    }

    /// <summary>In a comment thread, where each comment is marked up as a published post.</summary>
    private static bool InOtherContent(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null && parent.LocalName != "body"; parent = parent.ParentElement)
        {
            if (DomWalk.ClassAndId(parent).Contains("comment", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);

    private static string? ValueOf(IElement element)
    {
        var value = element.GetAttribute("datetime") ?? element.GetAttribute("content");
        if (string.IsNullOrWhiteSpace(value) && element.LocalName == "abbr")
        {
            value = element.GetAttribute("title");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            var text = element.TextContent;
            value = text.Length <= 200 ? text : null;
        }

        return value;
    }
}
