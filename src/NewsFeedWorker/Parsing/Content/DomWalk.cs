using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>Iterative tree walks: pages can nest thousands of levels deep, so nothing here recurses.</summary>
internal static class DomWalk
{
    /// <summary>Every node below <paramref name="root"/> in document order (the root itself excluded).</summary>
    public static IEnumerable<INode> Descendants(INode root)
    {
        var node = root.FirstChild;
        while (node is not null)
        {
            yield return node;
            node = Next(node, root);
        }
    }

    /// <summary>The node after <paramref name="node"/> in document order, staying inside <paramref name="root"/>.</summary>
    public static INode? Next(INode node, INode root) => node.FirstChild ?? NextSkippingChildren(node, root);

    /// <summary>The next node in document order that is not below <paramref name="node"/>.</summary>
    public static INode? NextSkippingChildren(INode node, INode root)
    {
        var current = node;
        while (current is not null && current != root)
        {
            if (current.NextSibling is { } sibling)
            {
                return sibling;
            }

            current = current.Parent;
        }

        return null;
    }

    /// <summary>The depth of the deepest node, counting stops once <paramref name="limit"/> is passed.</summary>
    public static int MaxDepth(INode root, int limit)
    {
        var depth = 0;
        var max = 0;
        var node = root.FirstChild;
        while (node is not null)
        {
            if (node.FirstChild is { } child)
            {
                node = child;
                depth++;
                if (depth > max)
                {
                    max = depth;
                    if (max > limit)
                    {
                        return max;
                    }
                }

                continue;
            }

            while (node is not null && node != root && node.NextSibling is null)
            {
                node = node.Parent;
                depth--;
            }

            node = node is null || node == root ? null : node.NextSibling;
        }

        return max;
    }
}
