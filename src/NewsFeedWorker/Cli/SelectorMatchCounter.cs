using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Cli;

/// <summary>How many elements each configured selector matches on a page: what an operator tuning selectors needs to see.</summary>
internal static class SelectorMatchCounter
{
    public static IReadOnlyList<(string Field, string Selector, int? Matches)> Count(string html, SourceDefinition source)
    {
        var selectors = new List<(string Field, string? Selector)>();
        if (source.Selectors is { } s)
        {
            selectors.AddRange([
                ("title", s.Title), ("subtitle", s.Subtitle), ("author", s.Author), ("published", s.Published),
                ("updated", s.Updated), ("category", s.Category), ("summary", s.Summary), ("body", s.Body),
                ("credit", s.Credit), ("leadImage", s.LeadImage), ("teaserBlock", s.TeaserBlock)]);
            selectors.AddRange(s.Remove.Select(r => ("remove", (string?)r)));
        }

        if (source.Weather is { } w)
        {
            selectors.AddRange([("weather.container", w.Container), ("weather.item", w.Item), ("weather.date", w.Date), ("weather.provider", w.Provider)]);
        }

        selectors.AddRange([("articleLinks", source.ArticleLinks.Selector), ("nextPage", source.ArticleLinks.NextPage)]);
        if (selectors.TrueForAll(x => x.Selector is null))
        {
            return [];
        }

        var document = new HtmlParser().ParseDocument(html);
        var counts = new List<(string, string, int?)>();
        foreach (var (field, selector) in selectors)
        {
            if (selector is not null)
            {
                counts.Add((field, selector, Matches(document, selector)));
            }
        }

        return counts;
    }

    private static int? Matches(IDocument document, string selector)
    {
        try
        {
            return document.QuerySelectorAll(selector).Length;
        }
        catch (DomException)
        {
            return null;
        }
    }
}
