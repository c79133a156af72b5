using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Whether a page shows a text: as its own name (its logo's alt), or as a text of its own.</summary>
internal static class PageShows
{
    /// <summary>A page below the front page, to resolve relative links against (a Uri is immutable, so one serves every call).</summary>
    private static readonly Uri SomePage = new("http://site.invalid/news/");

    private static readonly ISelector LogoImage = SelectorQuery.Compile("a[href] img[alt]")!;
    private static readonly ISelector Anchor = SelectorQuery.Compile("a")!;

    /// <summary>Whether <paramref name="title"/> is the alt of one of the <paramref name="logos"/>, e.g. "포탈뉴스" for "포탈뉴스 로고".</summary>
    public static bool Logo(List<string> logos, string title) =>
        logos.Exists(alt => alt.StartsWith(title, StringComparison.Ordinal) && alt.Length <= title.Length + 4);

    /// <summary>The alts of images linking to the site's front page (its logo): gathered once, however many titles are tried.</summary>
    public static List<string> Logos(IDocument document)
    {
        var logos = new List<string>();
        foreach (var image in document.ChildNodes.QuerySelectorAll(LogoImage))
        {
            if (TextNormalizer.Clean(image.GetAttribute("alt")) is { } alt && IsFrontPage(SelectorQuery.Closest(image, Anchor)!.GetAttribute("href")))
            {
                logos.Add(alt);
            }
        }

        return logos;
    }

    /// <summary>Whether a link's <c>href</c> goes to the site's front page (<c>/</c>, <c>/index.html</c>), wherever the page stands.</summary>
    public static bool IsFrontPage(string? href) =>
        Uri.TryCreate(SomePage, href, out var target)
        && (target.AbsolutePath == "/" || target.AbsolutePath.StartsWith("/index.", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a text node of <paramref name="body"/> reads exactly <paramref name="text"/>.</summary>
    public static bool AsText(IElement body, string text)
    {
        var walk = new DomWalk(body);
        while (walk.MoveNext())
        {
            if (walk.Current is IText t && t.Data.Length >= text.Length && TextNormalizer.Clean(t.Data) == text)
            {
                return true;
            }
        }

        return false;
    }
}
