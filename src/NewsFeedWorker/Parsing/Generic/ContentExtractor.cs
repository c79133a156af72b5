using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Finds the article body by content scoring, without touching the caller's document (pruning marks,
/// only the chosen part is copied); when a first attempt yields under 500 characters, retries with
/// fewer rules, as Readability does.
/// </summary>
internal static class ContentExtractor
{
    private const int EnoughText = 500;

    /// <summary>About one short paragraph: what a looser attempt must add in prose to replace an earlier one.</summary>
    private const int MoreProse = 60;

    private static readonly ExtractionFlags[] Attempts =
    [
        ExtractionFlags.All,
        ExtractionFlags.WeightClasses | ExtractionFlags.CleanConditionally,
        ExtractionFlags.CleanConditionally,
        ExtractionFlags.None,
    ];

    public static (IElement? Content, int TextLength, string? Byline) Extract(IElement body, string? title)
    {
        IElement? bestContent = null;
        var bestLength = 0;
        var bestProse = 0;
        string? bestByline = null;
        foreach (var flags in Attempts)
        {
            string? byline = null;
            var kept = DomPruner.Prune(body, flags, title, ref byline);
            var paragraphs = new List<(NodeStats, NodeStats)>();
            StatsBuilder.Build(kept, paragraphs);
            var chosen = CandidateSelector.Select(kept, paragraphs, flags, out var declared);
            // A looser attempt finds the long comment thread under a short post: the thread is never the article.
            if (chosen is null || chosen.Count == 0 || chosen.Exists(c => ArticleEnd.InCommentSection(c.Element)))
            {
                continue;
            }

            var elements = ContentCopier.Copy(chosen, body.Owner!);
            ContentCleaner.Clean(elements, flags);
            if (TeaserListCheck.IsTeaserList(elements))
            {
                return (null, 0, byline);
            }

            var (content, length) = (elements[0].Element, elements[0].TextLength);

            // Looser attempts find longer content mostly by keeping the furniture the strict one dropped
            // (subtitle, byline list, a teaser block's heading, a comment box): only at least a paragraph
            // more of prose makes a later attempt better, however long it is.
            var prose = ProseLength(elements[0]);
            if (bestContent is not null && prose < bestProse + MoreProse && (prose > 0 || bestProse > 0 || length <= bestLength))
            {
                continue;
            }

            // A short body the page itself declares is the article: retrying with fewer rules would only
            // find a longer parent full of furniture.
            if (length >= EnoughText || (declared && length > 0))
            {
                return (content, length, byline);
            }

            (bestContent, bestLength, bestProse, bestByline) = (content, length, prose, byline);
        }

        return (bestContent, bestLength, bestByline);
    }

    /// <summary>Text in paragraphs (p, or a div holding only inline content) that are not mostly links.</summary>
    private static int ProseLength(NodeStats content)
    {
        var prose = 0;
        foreach (var s in content.Descendants())
        {
            var element = s.Element;
            if ((element.LocalName == "p" || (element.LocalName == "div" && s.ParagraphLike)) && s.TextLength >= 25 && s.LinkDensity < 0.25 && !s.InsideLink)
            {
                prose += s.TextLength;
            }
        }

        return prose;
    }
}
