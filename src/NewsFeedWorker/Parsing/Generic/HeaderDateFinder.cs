using System.Buffers;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// The last resort for a publication date: a short text holding a date next to the headline. Elements named for dates
/// or bylines (<c>class="date"</c>, <c>post-meta</c>, <c>fecha</c>, <c>byline</c>) count first, the nearest after the
/// headline, then the nearest before it (many pages print the date above the title); then any short text holding a
/// date (or a dateline opening a paragraph, or a <c>data-date</c> attribute) just after the headline, then an element holding little but a date just
/// above it (a box header over the title). Dates elsewhere on the page belong to teasers, comments or the site's "today".
/// </summary>
internal static class HeaderDateFinder
{
    private static readonly SearchValues<string> Markers = SearchValues.Create(
        ["date", "datum", "fecha", "data-pub", "time", "zeit", "publish", "posted", "byline", "dateline", "meta", "updated",
            "created", "submitted", "tarih", "info"],
        StringComparison.OrdinalIgnoreCase);

    private const int MaxTextLength = 200;

    /// <summary>How far (in elements) from the headline a marked date may be.</summary>
    private const int MarkedReach = 300;

    /// <summary>
    /// How far before the headline a marked date may be: the article's kicker line, not the site's top bar with today's
    /// date, which the navigation menus keep further away.
    /// </summary>
    private const int MarkedReachBefore = 40;

    /// <summary>How far after the headline an unmarked date may be: the article's header, not its text.</summary>
    private const int UnmarkedReach = 60;

    /// <summary>
    /// How far before the headline a bare date (an element holding little but a date) may be: the box or kicker line
    /// right above the title, not the site's top bar.
    /// </summary>
    private const int BareReachBefore = 12;

    /// <summary>The most text an element may hold around its date to be a bare date ("14. Februar 2012 Drucken").</summary>
    private const int BareTextLength = 40;

    /// <summary>The raw text (indentation included) read before giving up on an element as a bare date.</summary>
    private const int BareRawLength = 400;

    public static string? Find(IElement body, PageIndex index, string? title)
    {
        var headline = Headline(index, title);
        string? markedBefore = null;
        var markedBeforeAt = 0;
        var position = 0;
        var headlineAt = -1;
        string? unmarkedAfter = null;
        string? bareBefore = null;
        var bareBeforeAt = 0;
        var walk = new DomWalk(body);
        for (var element = walk.NextElement(); element is not null; element = walk.NextElement(skipChildren: DateZones.IsSkipped(element)))
        {
            position++;
            if (element == headline)
            {
                headlineAt = position;
                if (ShortDate(element) is { } inHeadline)
                {
                    return inHeadline; // "08.11.2021 | Online-Fachtag …": event and notice pages date their titles
                }
            }
            else if (headlineAt > 0 && position - headlineAt > MarkedReach)
            {
                break;
            }

            if (DateZones.IsSkipped(element))
            {
                if (headlineAt < 0 && element.LocalName == "nav")
                {
                    markedBefore = null; // a date with the site's navigation between it and the headline is the site's
                    bareBefore = null;
                }

                continue;
            }

            if (DomWalk.ClassAndId(element).AsSpan().IndexOfAny(Markers) >= 0 && ShortDate(element) is { } marked)
            {
                if (headline is null || headlineAt > 0)
                {
                    return marked;
                }

                markedBefore = marked; // the nearest one before the headline wins
                markedBeforeAt = position;
            }
            else if (headlineAt < 0 && BareDate(element) is { } bare)
            {
                bareBefore = bare;
                bareBeforeAt = position;
            }
            else if (headlineAt > 0 && unmarkedAfter is null && position - headlineAt <= UnmarkedReach && element != headline)
            {
                unmarkedAfter = OwnTextDate(element) ?? AttributeDate(element);
            }
        }

        var nearEnough = headlineAt > 0 && headlineAt - markedBeforeAt <= MarkedReachBefore;
        var bareNearEnough = headlineAt > 0 && headlineAt - bareBeforeAt <= BareReachBefore;
        return (nearEnough ? markedBefore : null) ?? unmarkedAfter ?? (bareNearEnough ? bareBefore : null);
    }

    /// <summary>The page's headline: the <c>h1</c> that reads like the title, else the first <c>h1</c>.</summary>
    private static IElement? Headline(PageIndex index, string? title)
    {
        IElement? first = null;
        foreach (var heading in index.Headings)
        {
            if (heading.LocalName != "h1")
            {
                continue;
            }

            first ??= heading;
            if (title is not null && TextMeasure.Similarity(TextMeasure.Collapse(heading.TextContent), title) >= 0.5)
            {
                return heading;
            }
        }

        return first;
    }

    private static string? ShortDate(string text) => text.Length > MaxTextLength * 4 ? null : AsShortDate(TextMeasure.Collapse(text));

    /// <summary>The same over an element's text, read on the stack: a marked wrapper or a long headline is given up on without building it.</summary>
    private static string? ShortDate(IElement element) =>
        ShortText.Of(element, MaxTextLength * 4, out _) is { } collapsed ? AsShortDate(collapsed) : null;

    private static string? AsShortDate(string collapsed) =>
        collapsed.Length <= MaxTextLength && DateTextCheck.HasDate(collapsed) ? collapsed : null;

    /// <summary>The element's text when it is little but a date; read without <c>TextContent</c>, since every element before the headline is asked.</summary>
    private static string? BareDate(IElement element)
        => ShortText.Of(element, BareRawLength, out _) is { Length: <= BareTextLength } text && DateTextCheck.HasDate(text) ? text : null;

    /// <summary>A date a script shows from an attribute (<c>data-date="18. März 2020"</c> on a timeline marker).</summary>
    private static string? AttributeDate(IElement element)
    {
        foreach (var attribute in element.Attributes)
        {
            if (attribute.Name.StartsWith("data-", StringComparison.Ordinal)
                && (attribute.Name.Contains("date", StringComparison.Ordinal) || attribute.Name.Contains("publish", StringComparison.Ordinal))
                && ShortDate(attribute.Value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static string? OwnTextDate(IElement element)
    {
        foreach (var child in element.ChildNodes)
        {
            if (child is not IText { Data.Length: >= 6 } text)
            {
                continue;
            }

            // A short line holding a date, or a dateline opening the text ("27.1.2022 - Bei der Erinnerung …").
            var line = text.Data.Length <= 120 ? text.Data : text.Data[..40];
            if (DateTextCheck.HasDate(line))
            {
                return TextMeasure.Collapse(line);
            }
        }

        return null;
    }
}
