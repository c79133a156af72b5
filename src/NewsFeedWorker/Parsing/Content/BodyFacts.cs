using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>Small facts about a cleaned body: its images, whether it is really a list of links, a repeated title.</summary>
internal static class BodyFacts
{
    public static void DropRepeatedTitle(IElement body, string title)
    {
        foreach (var heading in SelectorQuery.All(body, "h1, h2, h3", "", null))
        {
            if (TextNormalizer.Clean(heading.TextContent) == title)
            {
                heading.Remove();
            }
        }
    }

    public static List<Uri> Images(IElement body)
    {
        var images = new List<Uri>();
        foreach (var image in SelectorQuery.All(body, "img[src]", "", null))
        {
            if (Uri.TryCreate(image.GetAttribute("src"), UriKind.Absolute, out var url) && !images.Contains(url))
            {
                images.Add(url);
            }
        }

        return images;
    }

    public static bool IsLinkList(IElement body, string text)
    {
        var linked = 0;
        var anchors = 0;
        foreach (var anchor in SelectorQuery.All(body, "a", "", null))
        {
            anchors++;
            linked += TextNormalizer.Clean(anchor.TextContent)?.Length ?? 0;
        }

        return anchors >= 5 && linked * 2 > text.Length;
    }

    /// <summary>The body's first line, cut at a word boundary near 80 characters.</summary>
    public static string OpeningWords(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var first = end < 0 ? text : text[..end];
        if (first.Length <= 80)
        {
            return first;
        }

        var space = first.LastIndexOf(' ', 80);
        return (space > 40 ? first[..space] : first[..80]) + "…";
    }
}
