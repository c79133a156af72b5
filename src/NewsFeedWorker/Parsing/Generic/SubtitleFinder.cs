using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Finds a subtitle (deck, standfirst) when metadata gave none: an element named like one, or a short
/// heading right after the title heading. Korean CMSs put it in such an element under the headline.
/// </summary>
internal static class SubtitleFinder
{
    public static string? Find(PageIndex index, string? title)
    {
        foreach (var element in index.SubtitleCandidates)
        {
            if (Plausible(element, title) is { } text)
            {
                return text;
            }
        }

        if (title is null)
        {
            return null;
        }

        foreach (var heading in index.Headings)
        {
            if (TextMeasure.Collapse(heading.TextContent) == title && heading.NextElementSibling is { } next
                && next.LocalName is "h2" or "h3" or "h4" or "h5")
            {
                return Plausible(next, title);
            }
        }

        return null;
    }

    private static string? Plausible(IElement element, string? title)
    {
        if (DomPruner.IsHidden(element) || element.QuerySelector("a") is not null)
        {
            return null;
        }

        var text = LineText.Of(element) ?? "";

        // A subtitle on two lines of the same markup (<p class="sub"> twice) is one subtitle.
        if (element.NextElementSibling is { } next && next.LocalName == element.LocalName && next.ClassName == element.ClassName
            && !string.IsNullOrEmpty(element.ClassName) && next.QuerySelector("a") is null && LineText.Of(next) is { Length: <= 150 } second)
        {
            text += " " + second;
        }

        return text.Length is >= 10 and <= 300 && text != title ? text : null;
    }
}
