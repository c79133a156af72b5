using AngleSharp.Dom;

namespace NewsFeedWorker.Suggesting;

/// <summary>The selectors that pick a field's element on every sample page where the field was found.</summary>
internal static class CommonSelectors
{
    /// <param name="located">Per page, the elements holding the field there (null or empty: not found on that page).</param>
    /// <param name="single">The selector must match exactly one element (a body, whose every match is taken).</param>
    public static IReadOnlyList<string> Of(IReadOnlyList<(IDocument Document, IReadOnlyList<IElement>? Elements)> located, bool single = false)
    {
        var pages = located.Where(p => p.Elements is { Count: > 0 }).ToList();
        if (pages.Count == 0)
        {
            return [];
        }

        var candidates = pages[0].Elements!.SelectMany(CssPath.For).Distinct(StringComparer.Ordinal);
        return [.. candidates.Where(selector => pages.TrueForAll(page =>
            CssPath.FirstMatch(page.Document, selector) is { } match && page.Elements!.Contains(match)
            && (!single || CssPath.AllMatches(page.Document, selector).Count == 1)))];
    }
}
