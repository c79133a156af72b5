using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Article bodies that a CMS writes as a run of like blocks (one <c>div class="mod paragraph"</c> per paragraph group,
/// with image and ad modules between them): scoring picks one block, and its siblings score separately. When the chosen
/// block, or one of its near ancestors, has siblings of the same tag and class that also hold prose, the body is all of
/// them, in page order, without the unlike blocks between.
/// </summary>
internal static class RepeatedBlocks
{
    private const int Levels = 4;
    private const int MinProse = 80;
    private const double MaxLinkDensity = 0.3;

    public static List<NodeStats>? Expand(NodeStats best, IReadOnlyList<NodeStats> chosen, NodeStats body)
    {
        var level = 0;
        for (var unit = best; unit is not null && unit != body && level < Levels; unit = unit.Parent, level++)
        {
            if (unit.Parent is not { } parent || string.IsNullOrWhiteSpace(unit.Element.GetAttribute("class")))
            {
                continue;
            }

            var like = new List<NodeStats>();
            var added = 0;
            foreach (var s in parent.Children())
            {
                var sibling = s.Element;
                if (s == unit)
                {
                    like.Add(s);
                }
                else if (IsLike(sibling, unit.Element) && s.LongestProse >= MinProse && s.LinkDensity < MaxLinkDensity
                    && !chosen.Any(c => c == s || c.Element.Contains(sibling) || sibling.Contains(c.Element)))
                {
                    like.Add(s);
                    added += s.TextLength;
                }
            }

            if (added >= MinProse)
            {
                return like;
            }
        }

        return null;
    }

    private static bool IsLike(IElement sibling, IElement unit)
        => sibling.LocalName == unit.LocalName && string.Equals(sibling.GetAttribute("class"), unit.GetAttribute("class"), StringComparison.Ordinal);
}
