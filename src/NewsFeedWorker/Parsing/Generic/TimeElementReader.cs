using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Dates the page marks up in its body: <c>itemprop=datePublished/dateModified</c> (microdata), <c>&lt;time&gt;</c>
/// elements whose class or itemprop says which date they are, then the first <c>&lt;time&gt;</c> in the article, and
/// hAtom's <c>abbr.published[title]</c>. They come after JSON-LD and meta tags, which state the same dates for machines.
/// </summary>
internal static class TimeElementReader
{
    private const string Markup = "time, [itemprop~='datePublished' i], [itemprop~='dateCreated' i], [itemprop~='dateModified' i], [itemprop~='dateUpdated' i], abbr[title]";

    public static void Read(IDocument document, PageIndex index, MetadataFields fields)
    {
        const ExtractionMethod method = ExtractionMethod.Heuristic;
        IElement? firstUnmarked = null;
        foreach (var element in document.QuerySelectorAll(Markup))
        {
            var itemprop = element.GetAttribute("itemprop") ?? "";
            var names = string.Concat(itemprop, " ", DomWalk.ClassAndId(element));
            var kind = Kind(names);
            if (element.LocalName == "abbr" && kind is null)
            {
                continue; // an abbreviation, not a date
            }

            var value = ValueOf(element);
            if (kind == FieldNames.Updated)
            {
                fields.Offer(FieldNames.Updated, value, method);
            }
            else if (kind == FieldNames.Published)
            {
                fields.Offer(FieldNames.Published, value, method);
            }
            else if (element.LocalName == "time" && element.HasAttribute("datetime"))
            {
                firstUnmarked ??= element;
            }
        }

        // An unmarked <time>: the one in the article, the HTML5 pubdate one, else the first on the page.
        var time = index.TimeInArticle ?? index.PubdateTime ?? firstUnmarked;
        fields.Offer(FieldNames.Published, time is null ? null : ValueOf(time), method);
    }

    /// <summary>Which date the names describe: modified/updated before published, since "post-date updated" is an update.</summary>
    private static string? Kind(string names)
    {
        if (Contains(names, "modif") || Contains(names, "updat"))
        {
            return FieldNames.Updated;
        }

        return Contains(names, "publish") || Contains(names, "created") || Contains(names, "pubdate") || Contains(names, "posted")
            ? FieldNames.Published
            : null;
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
