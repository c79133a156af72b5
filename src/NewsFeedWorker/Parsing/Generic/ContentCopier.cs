using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Copies the chosen elements into a new container, leaving out pruned subtrees, and carries each
/// element's stats over to its copy so cleaning needs no second measuring pass.
/// </summary>
/// <remarks>
/// AngleSharp's deep clone is much cheaper than building the copy node by node; the original and its
/// clone are then walked in step, beside the tree of kept elements, to map stats and to drop the copies of pruned
/// elements. Each copy takes over its
/// original's stats object rather than a clone of it: an attempt's stats are read only up to the copy, and the chosen
/// elements are siblings, so no original is copied twice.
/// </remarks>
internal static class ContentCopier
{
    /// <returns>
    /// The container's stats, then the stats of every element copied, in document order: each now describes the copy
    /// (<see cref="NodeStats.Element"/>), and the stats tree is the copy's (the chosen elements' parent is the container).
    /// </returns>
    public static List<NodeStats> Copy(IReadOnlyList<NodeStats> chosen, IDocument owner)
    {
        var containerStats = new NodeStats { Element = owner.CreateElement("div") };
        var container = containerStats.Element;
        var elements = new List<NodeStats> { containerStats };
        var pruned = new List<IElement>();

        // Text of the leaf blocks copied so far, to tell an article's end (comments, next-story links) from a header's pager.
        var textBefore = 0;
        var countedDepth = int.MaxValue;
        var ended = false;
        IElement? previous = null;
        NodeStats? lastTop = null;
        foreach (var top in chosen)
        {
            ended = ended || (textBefore >= ArticleEnd.TextBefore && previous is not null && MarkerBetween(previous, top.Element));
            if (ended)
            {
                break;
            }

            previous = top.Element;

            containerStats.Add(top);
            var clone = (IElement)top.Element.Clone(deep: true);
            container.AppendChild(clone);
            var originals = new DomWalk(top.Element);
            (top.Element, top.Parent, top.NextSibling) = (clone, containerStats, null);
            if (lastTop is null)
            {
                containerStats.FirstChild = top;
            }
            else
            {
                lastTop.NextSibling = top;
            }

            lastTop = top;
            elements.Add(top);

            // The two trees walked in step, by child index (stepping by sibling was quadratic in wide parents). The copy is
            // not changed during the walk: pruned copies are removed after it.
            var copyWalk = new DomWalk(clone);

            // The next kept child of each original the walk is in, by depth: an original was kept when it is its parent's next.
            var next = new List<NodeStats?> { top.FirstChild };
            var skip = false;
            while (originals.NextElement(skip) is { } original && copyWalk.NextElement(skip) is { } copy)
            {
                if (originals.Depth <= countedDepth)
                {
                    countedDepth = int.MaxValue;
                }

                next.RemoveRange(originals.Depth, next.Count - originals.Depth);
                var s = next[^1];
                if (s is not null && s.Element == original)
                {
                    next[^1] = s.NextSibling;
                }
                else
                {
                    s = null;
                }

                ended = ended || (textBefore >= ArticleEnd.TextBefore && ArticleEnd.IsMarker(original));
                skip = ended || s is null;
                if (ended && s is not null)
                {
                    // Its text leaves every copied ancestor's figures, as a pruned element's never entered them.
                    s.Dropped = true;
                    for (var parent = s.Parent; parent is not null; parent = parent.Parent)
                    {
                        parent.Subtract(s);
                    }
                }

                if (s is not null && !skip && countedDepth == int.MaxValue && !s.HasBlock)
                {
                    textBefore += s.TextLength;
                    countedDepth = originals.Depth;
                }

                if (skip)
                {
                    pruned.Add(copy);
                }
                else
                {
                    next.Add(s!.FirstChild);
                    s.Element = copy;
                    elements.Add(s);
                }
            }
        }

        foreach (var element in pruned)
        {
            element.Remove();
        }

        return elements;
    }

    /// <summary>Merged siblings share a parent: a comment section or story navigation between them ends the story.</summary>
    private static bool MarkerBetween(IElement previous, IElement next)
    {
        if (previous.ParentElement != next.ParentElement)
        {
            return false;
        }

        for (var sibling = previous.NextElementSibling; sibling is not null && sibling != next; sibling = sibling.NextElementSibling)
        {
            if (ArticleEnd.HoldsMarker(sibling))
            {
                return true;
            }
        }

        return false;
    }
}
