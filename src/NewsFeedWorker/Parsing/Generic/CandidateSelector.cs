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
    /// <param name="kept">The elements the pruner kept, with their figures: the body first, in document order.</param>
    public static List<NodeStats>? Select(List<NodeStats> kept, List<(NodeStats Paragraph, NodeStats Start)> paragraphs, ExtractionFlags flags, out bool declared)
    {
        declared = false;
        var body = kept[0];
        var candidates = new List<NodeStats>();
        foreach (var (paragraph, start) in paragraphs)
        {
            if (paragraph.TextLength < MinParagraphLength || paragraph.InsideLink)
            {
                continue;
            }

            double score = 1 + paragraph.Commas + Math.Min(paragraph.TextLength / 100, 3);
            var level = 0;
            for (var s = start; s is not null && level < AncestorLevels; s = s.Parent, level++)
            {
                if (!s.Scored)
                {
                    Initialize(s, flags);
                    candidates.Add(s);
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

        foreach (var s in candidates)
        {
            s.Score *= 1 - Math.Min(1, s.LinkDensity);
        }

        var top = candidates.OrderByDescending(c => c.Score).Take(TopCandidates).ToList();
        var best = top[0];
        if (DeclaredBody.Find(kept) is { } declaredBody && (declaredBody.Element.Contains(best.Element) || best.Element.Contains(declaredBody.Element)))
        {
            // The page names a short body and scoring agrees on the region: take the declaration, not a
            // parent that adds headers and teasers (long bodies keep Readability's choice, which may
            // rightly add a lead or header beside the declared element).
            declared = true;
            return [declaredBody];
        }

        if (best == body)
        {
            return body.Children().ToList();
        }

        best = MoveUp(best, top, body, flags);
        var merged = MergeSiblings(best);
        return RepeatedBlocks.Expand(best, merged, body) ?? merged;
    }

    private static void Initialize(NodeStats s, ExtractionFlags flags)
    {
        var element = s.Element;
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

    private static NodeStats MoveUp(NodeStats best, List<NodeStats> top, NodeStats body, ExtractionFlags flags)
    {
        var bestScore = best.Score;

        // When several near-best candidates share an ancestor, the article is that ancestor.
        var alternatives = top.Skip(1).Where(c => bestScore > 0 && c.Score / bestScore >= 0.75).ToList();
        if (alternatives.Count >= 3)
        {
            for (var parent = best.Parent; parent is not null && parent != body; parent = parent.Parent)
            {
                var containing = alternatives.Count(a => parent.Element.Contains(a.Element));
                if (containing >= 3)
                {
                    best = parent;
                    break;
                }
            }
        }

        if (!best.Scored)
        {
            Initialize(best, flags);
        }

        // A parent scoring higher than the candidate holds more of the article.
        var lastScore = best.Score;
        var threshold = lastScore / 3;
        for (var parentStats = best.Parent; parentStats is not null && parentStats != body; parentStats = parentStats.Parent)
        {
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
                best = parentStats;
                break;
            }

            lastScore = parentStats.Score;
        }

        while (best.Parent is { } only && only != body && only.FirstChild is { NextSibling: null })
        {
            best = only;
            if (!best.Scored)
            {
                Initialize(best, flags);
            }
        }

        return best;
    }

    private static List<NodeStats> MergeSiblings(NodeStats best)
    {
        var parent = best.Parent;
        if (parent is null)
        {
            return [best];
        }

        var chosen = new List<NodeStats>();
        var bestScore = best.Score;
        var threshold = Math.Max(10, bestScore * 0.2);
        var bestClass = best.Element.ClassName;
        foreach (var sibling in parent.Children())
        {
            if (sibling == best || Belongs(sibling, bestScore, threshold, bestClass))
            {
                chosen.Add(sibling);
            }
        }

        return chosen;
    }

    private static bool Belongs(NodeStats s, double bestScore, double threshold, string? bestClass)
    {
        var sibling = s.Element;
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
