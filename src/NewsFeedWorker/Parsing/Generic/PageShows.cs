using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Whether a page shows a text: as its own name (its logo's alt), or as a text of its own.</summary>
internal static class PageShows
{
    /// <summary>Whether <paramref name="title"/> is the alt of an image linking to the site's front page (its logo), e.g. "포탈뉴스" for "포탈뉴스 로고".</summary>
    public static bool Logo(IDocument document, string title)
    {
        foreach (var image in document.QuerySelectorAll("a[href] img[alt]"))
        {
            var alt = TextNormalizer.Clean(image.GetAttribute("alt"));
            if (alt is not null && alt.StartsWith(title, StringComparison.Ordinal) && alt.Length <= title.Length + 4
                && Uri.TryCreate(new Uri("http://site.invalid/news/"), image.Closest("a")!.GetAttribute("href"), out var target)
                && (target.AbsolutePath == "/" || target.AbsolutePath.StartsWith("/index.", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a text node of <paramref name="body"/> reads exactly <paramref name="text"/>.</summary>
    public static bool AsText(IElement body, string text)
    {
        foreach (var node in DomWalk.Descendants(body))
        {
            if (node is IText t && t.Data.Length >= text.Length && TextNormalizer.Clean(t.Data) == text)
            {
                return true;
            }
        }

        return false;
    }
}
