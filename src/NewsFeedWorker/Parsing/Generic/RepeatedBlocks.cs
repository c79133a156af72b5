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

    public static List<IElement>? Expand(IElement best, IReadOnlyList<IElement> chosen, IElement body, Dictionary<IElement, NodeStats> stats)
    {
        var level = 0;
        for (var unit = best; unit is not null && unit != body && level < Levels; unit = unit.ParentElement, level++)
        {
            if (unit.ParentElement is not { } parent || string.IsNullOrWhiteSpace(unit.GetAttribute("class")))
            {
                continue;
            }

            var like = new List<IElement>();
            var added = 0;
            foreach (var sibling in parent.Children)
            {
                if (sibling == unit)
                {
                    like.Add(sibling);
                }
                else if (IsLike(sibling, unit) && stats.TryGetValue(sibling, out var s) && s.LongestProse >= MinProse && s.LinkDensity < MaxLinkDensity
                    && !chosen.Any(c => c == sibling || c.Contains(sibling) || sibling.Contains(c)))
                {
                    like.Add(sibling);
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
