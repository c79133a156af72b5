using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Copies the chosen elements into a new container, leaving out pruned subtrees, and carries each
/// element's stats over to its copy so cleaning needs no second measuring pass.
/// </summary>
/// <remarks>
/// AngleSharp's deep clone is much cheaper than building the copy node by node; the original and its
/// clone are then walked in step to map stats and to drop the copies of pruned elements.
/// </remarks>
internal static class ContentCopier
{
    public static (IElement Container, List<IElement> Elements, Dictionary<IElement, NodeStats> Stats) Copy(
        IReadOnlyList<IElement> chosen, HashSet<IElement> removed, Dictionary<IElement, NodeStats> stats, IDocument owner)
    {
        var container = owner.CreateElement("div");
        var containerStats = new NodeStats();
        var copies = new Dictionary<IElement, NodeStats> { [container] = containerStats };
        var elements = new List<IElement> { container };
        var pruned = new List<IElement>();
        foreach (var top in chosen)
        {
            containerStats.Add(stats[top]);
            var clone = (IElement)top.Clone(deep: true);
            container.AppendChild(clone);
            elements.Add(clone);
            copies[clone] = stats[top].Copy();

            // The two trees walked in step, by child index (stepping by sibling was quadratic in wide parents). The copy is
            // not changed during the walk: pruned copies are removed after it.
            var originals = new DomWalk(top);
            var copyWalk = new DomWalk(clone);
            var skip = false;
            while (originals.NextElement(skip) is { } original && copyWalk.NextElement(skip) is { } copy)
            {
                skip = removed.Contains(original) || !stats.TryGetValue(original, out var s);
                if (skip)
                {
                    pruned.Add(copy);
                }
                else
                {
                    elements.Add(copy);
                    copies[copy] = stats[original].Copy();
                }
            }
        }

        foreach (var element in pruned)
        {
            element.Remove();
        }

        return (container, elements, copies);
    }
}
