using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Finds the article body by content scoring on a copy of the body (the caller's document is left
/// intact); when a first attempt yields under 500 characters, retries with fewer rules, as Readability does.
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
            var copy = (IElement)body.Clone(deep: true);
            string? byline = null;
            DomPruner.Prune(copy, flags, title, ref byline);
            var stats = new Dictionary<IElement, NodeStats>();
            var paragraphs = new List<(NodeStats, IElement)>();
            StatsBuilder.Build(copy, stats, paragraphs);
            var content = CandidateSelector.Select(copy, stats, paragraphs, flags);
            if (content is null)
            {
                continue;
            }

            ContentCleaner.Clean(content, flags);
            var length = TextMeasure.CollapsedLength(content.TextContent);
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
