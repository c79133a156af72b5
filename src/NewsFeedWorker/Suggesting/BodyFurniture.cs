using AngleSharp.Dom;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Suggesting;

/// <summary>
/// The <c>remove</c> selectors of a body: elements inside the body element (by class or id, or scripts, frames and
/// forms) whose text generic mode left out of the article on the sample pages: share buttons, ads, reporter boxes.
/// </summary>
internal static class BodyFurniture
{
    private static readonly HashSet<string> AlwaysFurniture = new(["script", "style", "iframe", "ins", "form", "button", "noscript"], StringComparer.Ordinal);

    public static IReadOnlyList<string> Selectors(string bodySelector, IEnumerable<(IDocument Document, Article? Article)> pages)
    {
        var found = new List<string>();
        foreach (var (document, article) in pages)
        {
            if (article is null || CssPath.FirstMatch(document, bodySelector) is not { } body)
            {
                continue;
            }

            var kept = Text.Norm(article.BodyText);
            Walk(body, bodySelector, kept, found);
        }

        return found;
    }

    private static void Walk(IElement parent, string bodySelector, string kept, List<string> found)
    {
        foreach (var child in parent.Children)
        {
            string? key = AlwaysFurniture.Contains(child.LocalName)
                ? child.LocalName
                : Left(child, kept) ? CssPath.Keys(child).FirstOrDefault(k => k != child.LocalName) : null;
            if (key is not null)
            {
                var selector = bodySelector + " " + key;
                if (!found.Contains(selector, StringComparer.Ordinal))
                {
                    found.Add(selector);
                }

                continue;
            }

            Walk(child, bodySelector, kept, found);
        }
    }

    /// <summary>The element shows text and none of it is in the article.</summary>
    private static bool Left(IElement element, string kept)
    {
        var text = Text.Norm(element.TextContent);
        // A figure or anything holding a picture stays: the body's images are compared by nothing but the reader's eye.
        if (text.Length < 2 || kept.Contains(text, StringComparison.Ordinal) || element.LocalName is "figure" or "picture" || element.QuerySelector("img, picture, video") is not null)
        {
            return false;
        }

        return element.Children.All(c => !kept.Contains(Text.Norm(c.TextContent), StringComparison.Ordinal) || Text.Norm(c.TextContent).Length < 2);
    }
}
