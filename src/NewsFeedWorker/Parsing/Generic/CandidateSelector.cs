using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Readability-style scoring: each paragraph scores 1 + its commas + one point per 100 characters (max 3),
/// passed to five ancestor levels with a falling share; candidates are scaled by (1 - link density),
/// the best is moved up when its ancestors concentrate the competing candidates, and its siblings that
/// look like more of the same article are merged in.
/// </summary>
internal static class CandidateSelector
{
    private const int MinParagraphLength = 25;
    private const int AncestorLevels = 5;
    private const int TopCandidates = 5;

    /// <summary>Returns the elements that make up the article, in document order, or null when nothing scored.</summary>
    public static List<IElement>? Select(IElement body, Dictionary<IElement, NodeStats> stats, List<(NodeStats Paragraph, IElement Start)> paragraphs, ExtractionFlags flags, out bool declared)
    {
        declared = false;
        var candidates = new List<IElement>();
        foreach (var (paragraph, start) in paragraphs)
        {
            if (paragraph.TextLength < MinParagraphLength || paragraph.InsideLink)
            {
                continue;
            }

            double score = 1 + paragraph.Commas + Math.Min(paragraph.TextLength / 100, 3);
            var level = 0;
            for (var ancestor = start; ancestor is not null && level < AncestorLevels; ancestor = ancestor.ParentElement, level++)
            {
                if (!stats.TryGetValue(ancestor, out var s))
                {
                    break; // above the body
                }

                if (!s.Scored)
                {
                    Initialize(ancestor, s, flags);
                    candidates.Add(ancestor);
                }

                var share = score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
                s.Score += share;
                s.ContentPoints += share;
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            var s = stats[candidate];
            s.Score *= 1 - Math.Min(1, s.LinkDensity);
        }

        var top = candidates.OrderByDescending(c => stats[c].Score).Take(TopCandidates).ToList();
        var best = top[0];
        if (DeclaredBody.Find(stats) is { } declaredBody && (declaredBody.Contains(best) || best.Contains(declaredBody)))
        {
            // The page names a short body and scoring agrees on the region: take the declaration, not a
            // parent that adds headers and teasers (long bodies keep Readability's choice, which may
            // rightly add a lead or header beside the declared element).
            declared = true;
            return [declaredBody];
        }

        if (best == body)
        {
            return LiveChildren(body, stats).ToList();
        }

        best = MoveUp(best, top, body, stats, flags);
        var merged = MergeSiblings(best, stats);
        return RepeatedBlocks.Expand(best, merged, body, stats) ?? merged;
    }

    private static void Initialize(IElement element, NodeStats s, ExtractionFlags flags)
    {
        s.Scored = true;
        s.Score = element.LocalName switch
        {
            "div" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (flags.HasFlag(ExtractionFlags.WeightClasses))
        {
            s.Score += ClassPatterns.Weight(element.ClassName, element.Id);
        }
    }

    private static IElement MoveUp(IElement best, List<IElement> top, IElement body, Dictionary<IElement, NodeStats> stats, ExtractionFlags flags)
    {
        var bestScore = stats[best].Score;

        // When several near-best candidates share an ancestor, the article is that ancestor.
        var alternatives = top.Skip(1).Where(c => bestScore > 0 && stats[c].Score / bestScore >= 0.75).ToList();
        if (alternatives.Count >= 3)
        {
            for (var parent = best.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
            {
                var containing = alternatives.Count(a => parent.Contains(a));
                if (containing >= 3)
                {
                    best = parent;
                    break;
                }
            }
        }

        var bestStats = stats[best];
        if (!bestStats.Scored)
        {
            Initialize(best, bestStats, flags);
        }

        // A parent scoring higher than the candidate holds more of the article.
        var lastScore = bestStats.Score;
        var threshold = lastScore / 3;
        for (var parent = best.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
        {
            var parentStats = stats[parent];
            if (!parentStats.Scored)
            {
                continue;
            }

            if (parentStats.Score < threshold)
            {
                break;
            }

            if (parentStats.Score > lastScore)
            {
                best = parent;
                break;
            }

            lastScore = parentStats.Score;
        }

        while (best.ParentElement is { } only && only != body && LiveChildren(only, stats).Take(2).Count() == 1)
        {
            best = only;
            var s = stats[best];
            if (!s.Scored)
            {
                Initialize(best, s, flags);
            }
        }

        return best;
    }

    /// <summary>Children that survived pruning (they have stats).</summary>
    private static IEnumerable<IElement> LiveChildren(IElement parent, Dictionary<IElement, NodeStats> stats)
        => parent.Children.Where(stats.ContainsKey);

    private static List<IElement> MergeSiblings(IElement best, Dictionary<IElement, NodeStats> stats)
    {
        var parent = best.ParentElement;
        if (parent is null)
        {
            return [best];
        }

        var chosen = new List<IElement>();
        var bestScore = stats[best].Score;
        var threshold = Math.Max(10, bestScore * 0.2);
        var bestClass = best.ClassName;
        foreach (var sibling in LiveChildren(parent, stats))
        {
            if (sibling == best || Belongs(sibling, stats[sibling], bestScore, threshold, bestClass))
            {
                chosen.Add(sibling);
            }
        }

        return chosen;
    }

    private static bool Belongs(IElement sibling, NodeStats s, double bestScore, double threshold, string? bestClass)
    {
        var bonus = !string.IsNullOrEmpty(bestClass) && sibling.ClassName == bestClass ? bestScore * 0.2 : 0;
        // A class weight alone does not make a sibling part of the article (a headline block named
        // "article-head" scores +25 with no prose in it): it must also hold some scored text or a
        // paragraph of prose.
        if (s.Scored && s.Score + bonus >= threshold && (s.ContentPoints >= Math.Max(3, threshold / 4) || s.LongestProse >= 80))
        {
            return true;
        }

        if (sibling.LocalName != "p" && !s.ParagraphLike && !s.ParagraphWrapper)
        {
            return false;
        }

        if (s.TextLength > 80)
        {
            return s.LinkDensity < 0.25;
        }

        return s.TextLength > 0 && s.LinkDensity == 0 && EndsSentence(sibling.TextContent);
    }

    private static bool EndsSentence(string text)
    {
        var index = text.IndexOf('.', StringComparison.Ordinal);
        while (index >= 0)
        {
            if (index == text.Length - 1 || text[index + 1] == ' ')
            {
                return true;
            }

            index = text.IndexOf('.', index + 1);
        }

        return text.Contains('。', StringComparison.Ordinal) || text.TrimEnd().EndsWith('다');
    }
}
