using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Turns a document title into the article title the way Readability does: drop a site-name part
/// after a separator (" | Site", " - Site"), or before a colon, unless that leaves too few words,
/// and fall back to the page's only h1 when the title is implausibly short or long.
/// </summary>
internal static class TitleCleaner
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » "];
    private static readonly string[] Hierarchical = [" \\ ", " / ", " > ", " » "];

    public static string? FromDocument(IDocument document, PageIndex index)
    {
        var original = TextMeasure.Collapse(document.Title);
        if (original.Length == 0)
        {
            var h1 = index.Headings.Find(h => h.LocalName == "h1");
            return h1 is null ? null : NullIfEmpty(TextMeasure.Collapse(h1.TextContent));
        }

        var title = original;
        var usedHierarchical = false;
        var lastSeparator = LastSeparator(original, out var separator);
        if (lastSeparator >= 0)
        {
            usedHierarchical = Hierarchical.Contains(separator);
            title = original[..lastSeparator];
            if (TextMeasure.WordCount(title) < 3)
            {
                // "Site | Article title": the article is after the first separator instead.
                var first = FirstSeparator(original, out var firstSeparator);
                title = original[(first + firstSeparator!.Length)..];
            }
        }
        else if (original.Contains(": ", StringComparison.Ordinal))
        {
            var headingMatches = index.Headings.Any(h => h.LocalName is "h1" or "h2" && TextMeasure.Collapse(h.TextContent) == original);
            if (!headingMatches)
            {
                title = original[(original.LastIndexOf(':') + 1)..].Trim();
                if (TextMeasure.WordCount(title) < 3)
                {
                    title = original[(original.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
                else if (TextMeasure.WordCount(original[..original.IndexOf(':', StringComparison.Ordinal)]) > 5)
                {
                    title = original;
                }
            }
        }
        else if (original.Length is > 150 or < 15)
        {
            var h1s = index.Headings.FindAll(h => h.LocalName == "h1");
            if (h1s.Count == 1)
            {
                title = TextMeasure.Collapse(h1s[0].TextContent);
            }
        }

        title = TextMeasure.Collapse(title);
        var words = TextMeasure.WordCount(title);
        if (words <= 4 && (!usedHierarchical || words != TextMeasure.WordCount(StripSeparators(original)) - 1))
        {
            title = original;
        }

        return NullIfEmpty(title);
    }

    /// <summary>
    /// A title from the page's data without the site's name its end repeats (<c>Story - Site</c>, <c>Story | Site</c>):
    /// null when it does not end so, or when too little would be left.
    /// </summary>
    public static string? WithoutSiteName(string title, string? siteName)
    {
        if (string.IsNullOrWhiteSpace(siteName))
        {
            return null;
        }

        // Dashes are compared as one: a site named "A – B" is written "A - B" in some of its titles.
        var plainTitle = PlainDashes(title);
        var site = PlainDashes(TextMeasure.Collapse(siteName));
        foreach (var separator in Separators)
        {
            var plainSeparator = PlainDashes(separator);
            if (plainTitle.EndsWith(plainSeparator + site, StringComparison.OrdinalIgnoreCase))
            {
                var story = title[..(title.Length - plainSeparator.Length - site.Length)].TrimEnd();
                return TextMeasure.WordCount(story) >= 3 ? story : null;
            }
        }

        return null;
    }

    private static string PlainDashes(string text) => text.Replace('–', '-').Replace('—', '-');

    private static int LastSeparator(string title, out string? separator)
    {
        separator = null;
        var best = -1;
        foreach (var candidate in Separators)
        {
            var index = title.LastIndexOf(candidate, StringComparison.Ordinal);
            if (index > best)
            {
                best = index;
                separator = candidate;
            }
        }

        return best;
    }

    private static int FirstSeparator(string title, out string? separator)
    {
        separator = null;
        var best = int.MaxValue;
        foreach (var candidate in Separators)
        {
            var index = title.IndexOf(candidate, StringComparison.Ordinal);
            if (index >= 0 && index < best)
            {
                best = index;
                separator = candidate;
            }
        }

        return best == int.MaxValue ? -1 : best;
    }

    private static string StripSeparators(string title)
    {
        foreach (var separator in Separators)
        {
            title = title.Replace(separator, " ", StringComparison.Ordinal);
        }

        return title;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
