using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// The last candidate body, for a page that declares an article when content scoring found none: every visible,
/// unlinked paragraph outside navigation, header, footer and asides, in page order (trafilatura's baseline does the
/// same), else the page's own description. A declared article is never thrown away for want of a scored body:
/// its title, date and author still reach the feed.
/// </summary>
internal static class BaselineBody
{
    private const int MinParagraph = 30;
    private const int MinTotal = 150;

    public static IElement? Build(IDocument document, PageIndex index, string? description)
    {
        if (document.Body is not { } body)
        {
            return null;
        }

        var container = document.CreateElement("div");
        var total = 0;
        foreach (var paragraph in index.ProseNodes)
        {
            if (paragraph.LocalName != "p" || !IsReadable(paragraph, body))
            {
                continue;
            }

            var text = TextMeasure.Collapse(paragraph.TextContent);
            if (text.Length < MinParagraph || LinkText.LengthIn(paragraph) > 0.5 * text.Length)
            {
                continue;
            }

            container.AppendChild(paragraph.Clone(deep: true));
            total += text.Length;
        }

        if (total >= MinTotal)
        {
            return container;
        }

        return string.IsNullOrWhiteSpace(description) ? null : BodyBuilder.FromText(document, description);
    }

    private static bool IsReadable(IElement paragraph, IElement body)
    {
        for (var node = paragraph; node is not null && node != body; node = node.ParentElement)
        {
            if (node.LocalName is "nav" or "header" or "footer" or "aside" or "form" or "figure" or "blockquote"
                || DomPruner.IsHidden(node) || Boilerplate.IsJunkName(node.ClassName) || Boilerplate.IsJunkName(node.Id))
            {
                return false;
            }
        }

        return true;
    }
}
