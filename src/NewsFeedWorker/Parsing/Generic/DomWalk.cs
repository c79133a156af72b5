using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Iterative document-order traversal helpers (no recursion: tag soup can nest thousands deep).</summary>
internal static class DomWalk
{
    /// <summary>The next element in document order below <paramref name="root"/>, optionally skipping <paramref name="node"/>'s children.</summary>
    public static IElement? Next(IElement node, IElement root, bool skipChildren = false)
    {
        if (!skipChildren && node.FirstElementChild is { } child)
        {
            return child;
        }

        for (var current = node; current is not null && current != root; current = current.ParentElement)
        {
            if (current.NextElementSibling is { } sibling)
            {
                return sibling;
            }
        }

        return null;
    }

    /// <summary>All elements below <paramref name="root"/> (not itself) in document order, skipping removed subtrees.</summary>
    /// <remarks>By child index (<see cref="ElementWalk"/>): stepping by <see cref="Next"/> was quadratic in wide parents.</remarks>
    public static List<IElement> Descendants(IElement root, HashSet<IElement> removed)
    {
        var list = new List<IElement>();
        var walk = new ElementWalk(root);
        var skip = false;
        while (walk.Next(skip) is { } node)
        {
            skip = removed.Contains(node);
            if (!skip)
            {
                list.Add(node);
            }
        }

        return list;
    }

    public static bool HasAncestor(IElement node, string localName, int maxDepth = int.MaxValue)
    {
        var depth = 0;
        for (var parent = node.ParentElement; parent is not null && depth < maxDepth; parent = parent.ParentElement, depth++)
        {
            if (parent.LocalName == localName)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsHeading(string localName)
        => localName.Length == 2 && localName[0] == 'h' && localName[1] is >= '1' and <= '6';

    /// <summary>Elements that end a run of inline content (a div holding one is not a paragraph).</summary>
    public static bool IsBlock(string localName) => localName switch
    {
        "address" or "article" or "aside" or "blockquote" or "dd" or "details" or "dialog" or "div" or "dl" or "dt"
            or "fieldset" or "figcaption" or "figure" or "footer" or "form" or "header" or "hr" or "li" or "main"
            or "nav" or "ol" or "p" or "pre" or "section" or "table" or "ul" or "img" or "picture" or "video" => true,
        _ => IsHeading(localName),
    };

    public static string ClassAndId(IElement element)
    {
        var className = element.ClassName;
        var id = element.Id;
        if (string.IsNullOrEmpty(id))
        {
            return className ?? string.Empty;
        }

        return string.IsNullOrEmpty(className) ? id : string.Concat(className, " ", id);
    }
}
