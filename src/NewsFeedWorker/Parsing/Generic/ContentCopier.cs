using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Copies the chosen elements into a new container, leaving out pruned subtrees, and carries each
/// element's stats over to its copy so cleaning needs no second measuring pass.
/// </summary>
internal static class ContentCopier
{
    public static (IElement Container, List<IElement> Elements, Dictionary<IElement, NodeStats> Stats) Copy(
        IReadOnlyList<IElement> chosen, HashSet<IElement> removed, Dictionary<IElement, NodeStats> stats, IDocument owner)
    {
        var container = owner.CreateElement("div");
        var containerStats = new NodeStats();
        var copies = new Dictionary<IElement, NodeStats> { [container] = containerStats };
        var elements = new List<IElement> { container };
        var stack = new Stack<(INode Source, INode Target)>();
        foreach (var top in chosen)
        {
            containerStats.Add(stats[top]);
            stack.Push((top, container));
            while (stack.Count > 0)
            {
                var (source, target) = stack.Pop();
                if (source is IElement element)
                {
                    if (removed.Contains(element) || !stats.TryGetValue(element, out var s))
                    {
                        continue;
                    }

                    var copy = (IElement)element.Clone(deep: false);
                    target.AppendChild(copy);
                    elements.Add(copy);
                    copies[copy] = s.Copy();
                    var children = element.ChildNodes;
                    for (var i = children.Length - 1; i >= 0; i--)
                    {
                        stack.Push((children[i], copy));
                    }
                }
                else if (source is IText text)
                {
                    target.AppendChild(text.Clone(deep: false));
                }
            }
        }

        return (container, elements, copies);
    }
}
