using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>How much of an element's text sits inside its links (white space collapsed): teasers and link lists are mostly link.</summary>
internal static class LinkText
{
    public static int LengthIn(IElement element)
    {
        var linked = 0;
        foreach (var anchor in element.GetElementsByTagName("a"))
        {
            linked += TextNormalizer.Clean(anchor.TextContent)?.Length ?? 0;
        }

        return linked;
    }
}
