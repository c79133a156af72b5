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
        string? bestByline = null;
        foreach (var flags in Attempts)
        {
            string? byline = null;
            var removed = DomPruner.Prune(body, flags, title, ref byline);
            var stats = new Dictionary<IElement, NodeStats>();
            var paragraphs = new List<(NodeStats, IElement)>();
            StatsBuilder.Build(body, removed, stats, paragraphs);
            var chosen = CandidateSelector.Select(body, stats, paragraphs, flags);
            if (chosen is null || chosen.Count == 0)
            {
                continue;
            }

            var (content, elements, copyStats) = ContentCopier.Copy(chosen, removed, stats, body.Owner!);
            ContentCleaner.Clean(content, elements, copyStats, flags);
            if (TeaserListCheck.IsTeaserList(content, elements, copyStats))
            {
                return (null, 0, byline);
            }

            var length = copyStats[content].TextLength;
            if (length >= EnoughText)
            {
                return (content, length, byline);
            }

            if (length > bestLength)
            {
                (bestContent, bestLength, bestByline) = (content, length, byline);
            }
        }

        return (bestContent, bestLength, bestByline);
    }
}
