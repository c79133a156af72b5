using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Removes headings left at the very end of the content: cleaning drops a trailing block's list of
/// links (포토이슈, 관련기사, 많이 본 뉴스) but a heading outside that list survives with nothing to head.
/// Walks only the content's last-child chain.
/// </summary>
internal static class TrailingHeadings
{
    private const int MaxRemovals = 8;

    public static void Remove(IElement content)
    {
        for (var i = 0; i < MaxRemovals; i++)
        {
            var last = LastElement(content);
            if (last is null || last == content)
            {
                return;
            }

            var heading = last;
            while (heading is not null && heading != content && !DomWalk.IsHeading(heading.LocalName))
            {
                heading = heading.ParentElement;
            }

            if (heading is not null && heading != content)
            {
                heading.Remove();
            }
            else if (LinkList(last, content) is { } list)
            {
                // A strip of linked thumbnails at the end (포토이슈) goes when a heading introduces it.
                if (list.PreviousElementSibling is not { } before || !DomWalk.IsHeading(before.LocalName))
                {
                    return;
                }

                list.Remove();
            }
            else if (last.ChildElementCount == 0 && string.IsNullOrWhiteSpace(last.TextContent) && !IsMedia(last.LocalName))
            {
                last.Remove(); // an emptied wrapper may hide a heading before it
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>The ul/ol holding <paramref name="last"/> when each of its items is a single image link.</summary>
    private static IElement? LinkList(IElement last, IElement content)
    {
        var list = last;
        while (list is not null && list != content && list.LocalName is not ("ul" or "ol"))
        {
            list = list.ParentElement;
        }

        if (list is null || list == content || list.ChildElementCount == 0)
        {
            return null;
        }

        foreach (var item in list.Children)
        {
            // Thumbnail strips only: a list of titled links at the end may be the article's sources.
            if (item.ChildElementCount != 1 || item.FirstElementChild!.LocalName != "a"
                || TextMeasure.CollapsedLength(item.TextContent) != 0 || item.FirstElementChild.QuerySelector("img") is null)
            {
                return null;
            }
        }

        return list;
    }

    /// <summary>The deepest last element, as long as no text follows it.</summary>
    internal static IElement? LastElement(IElement content)
    {
        var node = content;
        while (node.LastElementChild is { } child && !TextAfter(child))
        {
            node = child;
        }

        return node;
    }

    private static bool TextAfter(IElement child)
    {
        for (var sibling = child.NextSibling; sibling is not null; sibling = sibling.NextSibling)
        {
            if (sibling is IText text && !string.IsNullOrWhiteSpace(text.Data))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMedia(string localName) => localName is "img" or "picture" or "video" or "iframe" or "svg" or "figure" or "br" or "hr";
}
