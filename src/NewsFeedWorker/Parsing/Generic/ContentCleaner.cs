using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Cleans the chosen content: removes forms, share widgets, furniture tags and, conditionally, tables,
/// lists and divs that look like link lists or widgets (high link density, few words, more items than
/// paragraphs, lone embeds), while keeping data tables, figures, headings and paragraphs.
/// </summary>
internal static class ContentCleaner
{
    private const int ShareTextLimit = 500;

    /// <summary>A teaser card is a headline and a blurb; an element named "teaser" holding more is the story itself.</summary>
    private const int TeaserTextLimit = 600;

    /// <summary>A wrapped paragraph this long, and under half links, is a sentence of the story, not a teaser link.</summary>
    private const int MinWrappedParagraph = 80;

    private const double MaxWrappedLinkDensity = 0.5;

    /// <param name="elements">The stats of the container first, then of its descendants in document order (see <see cref="ContentCopier"/>).</param>
    public static void Clean(List<NodeStats> elements, ExtractionFlags flags)
    {
        var dataTables = false;
        foreach (var s in elements)
        {
            if (s.Element.LocalName == "table" && IsDataTable(s.Element))
            {
                s.DataTable = dataTables = true;
            }
        }

        var container = elements[0];
        var removed = false;

        // Other stories' teaser cards go whole, before the reverse pass below takes their linked headings and
        // leaves their blurbs looking like prose.
        for (var i = 1; i < elements.Count; i++)
        {
            var s = elements[i];
            if (s.Parent != container && s.TextLength < TeaserTextLimit && !(removed && IsInside(s, container))
                && Boilerplate.IsTeaserCard(s.Element))
            {
                Remove(s);
                removed = true;
            }
        }

        // Reverse document order: descendants are judged before the containers that hold them.
        for (var i = elements.Count - 1; i > 0; i--)
        {
            var s = elements[i];
            if (removed && IsInside(s, container))
            {
                continue;
            }

            if (ShouldRemove(s, container, dataTables, flags))
            {
                Remove(s);
                removed = true;
            }
        }
    }

    /// <summary>Removes the element from the copy and its figures from its ancestors'; marks its parent thinned.</summary>
    private static void Remove(NodeStats s)
    {
        s.Parent!.Thinned = true;
        for (var parent = s.Parent; parent is not null; parent = parent.Parent)
        {
            parent.Subtract(s);
        }

        s.Element.Remove();
        s.Dropped = true;
    }

    /// <summary>Whether the element, or an element above it inside the container, was removed.</summary>
    private static bool IsInside(NodeStats s, NodeStats container)
    {
        for (var node = s; node is not null && node != container; node = node.Parent)
        {
            if (node.Dropped)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ShouldRemove(NodeStats s, NodeStats container, bool dataTables, ExtractionFlags flags)
    {
        var element = s.Element;
        var name = element.LocalName;
        switch (name)
        {
            case "footer" or "aside" or "link" or "iframe" or "form" when !flags.HasFlag(ExtractionFlags.CleanConditionally):
                return name != "form";
            case "footer" or "aside" or "link" or "iframe" or "fieldset":
                return true;
            case "h1" or "h2" when flags.HasFlag(ExtractionFlags.WeightClasses) && ClassPatterns.Weight(element.ClassName, element.Id) < 0:
                return true;
            case "p" or "div" or "section" or "span" or "ul" or "ol" or "li" or "table" or "header" or "figure" or "blockquote"
                when s.TextLength == 0 && s.Images == 0 && s.Embeds == 0 && element.QuerySelector("img, picture, video, iframe, object, embed, svg, math, canvas") is null:
                return true; // empty after pruning (spacers such as <p>&nbsp;</p>, emptied wrappers)
        }

        var classAndId = DomWalk.ClassAndId(element);
        if (classAndId.Length > 0 && s.TextLength < ShareTextLimit && s.Parent != container && IsShareName(classAndId))
        {
            return true;
        }

        if (!flags.HasFlag(ExtractionFlags.CleanConditionally))
        {
            return false;
        }

        return name switch
        {
            "form" or "table" or "ul" or "ol" => RemoveConditionally(s, dataTables, flags),
            "div" or "section" when !s.ParagraphLike && !s.ParagraphWrapper && !WrapsOneParagraph(s) => RemoveConditionally(s, dataTables, flags),
            _ => false,
        };
    }

    /// <summary>
    /// Whether the div is only the wrapper of one paragraph (component-built pages put every paragraph in a div or
    /// three): it is judged as the paragraph it holds, which conditional cleaning leaves alone, not as a container
    /// whose inline link (a third of a sentence, say) makes it look like a link list.
    /// </summary>
    private static bool WrapsOneParagraph(NodeStats s)
    {
        var inner = s;
        while (!inner.Thinned && inner.Element.ChildElementCount == 1 && OnlyChild(inner) is { } onlyStats
            && onlyStats.TextLength == inner.TextLength)
        {
            inner = onlyStats;
            if (inner.Element.LocalName == "p" || onlyStats.ParagraphLike)
            {
                return onlyStats.TextLength >= MinWrappedParagraph && onlyStats.LinkDensity < MaxWrappedLinkDensity;
            }

            if (inner.Element.LocalName != "div")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The stats of the one child element left in the copy.</summary>
    private static NodeStats? OnlyChild(NodeStats parent)
    {
        for (var child = parent.FirstChild; child is not null; child = child.NextSibling)
        {
            if (!child.Dropped)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>Readability's conditional cleaning, judged from the precomputed counts.</summary>
    private static bool RemoveConditionally(NodeStats s, bool dataTables, ExtractionFlags flags)
    {
        var element = s.Element;
        if ((dataTables && InDataTable(s)) || DomWalk.HasAncestor(element, "code"))
        {
            return false;
        }

        var isList = element.LocalName is "ul" or "ol" || (s.TextLength > 0 && (double)s.ListText / s.TextLength > 0.9);
        var weight = flags.HasFlag(ExtractionFlags.WeightClasses) ? ClassPatterns.Weight(element.ClassName, element.Id) : 0;
        if (weight < 0)
        {
            return true;
        }

        if (s.Commas >= 10)
        {
            return false;
        }

        var paragraphs = s.Paragraphs;
        var images = s.Images;
        var listItems = s.ListItems - 100;
        var headingDensity = s.TextLength == 0 ? 0 : (double)s.HeadingText / s.TextLength;
        var linkDensity = s.LinkDensity;
        var length = s.TextLength;
        var inFigure = DomWalk.HasAncestor(element, "figure");

        var remove = (images > 1 && (double)paragraphs / images < 0.5 && !inFigure)
            || (!isList && listItems > paragraphs)
            || (s.Inputs > paragraphs / 3)
            || (!isList && headingDensity < 0.9 && length < 25 && (images == 0 || images > 2) && !inFigure)
            || (!isList && weight < 25 && linkDensity > 0.2)
            || (weight >= 25 && linkDensity > 0.5)
            || (s.Embeds == 1 && length < 75)
            || s.Embeds > 1;

        // A gallery list (one image per item, each item a single figure or image) is content.
        return remove && !(isList && IsImageList(element, s));
    }

    private static bool IsImageList(IElement list, NodeStats s)
    {
        if (s.ListItems == 0 || s.Images != s.ListItems)
        {
            return false;
        }

        foreach (var child in list.Children)
        {
            if (child.ChildElementCount > 1)
            {
                return false;
            }
        }

        return true;
    }

    private static bool InDataTable(NodeStats s)
    {
        for (var node = s; node is not null; node = node.Parent)
        {
            if (node.DataTable)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A table of data rather than layout: caption, header cells, summary, or enough rows and columns.</summary>
    private static bool IsDataTable(IElement table)
    {
        if (table.GetAttribute("role") == "presentation" || table.GetAttribute("datatable") == "0")
        {
            return false;
        }

        if (table.HasAttribute("summary") || table.QuerySelector("caption")?.ChildNodes.Length > 0)
        {
            return true;
        }

        if (table.QuerySelector("col, colgroup, tfoot, thead, th") is not null)
        {
            return true;
        }

        if (table.QuerySelector("table") is not null)
        {
            return false;
        }

        var rows = table.QuerySelectorAll("tr");
        var columns = rows.Length == 0 ? 0 : rows.Max(r => r.Children.Count(c => c.LocalName is "td" or "th"));
        return rows.Length >= 10 || columns > 4 || rows.Length * columns > 10;
    }

    /// <summary>"share", "sharedaddy" or "sns" as a whole word of the class or id.</summary>
    private static bool IsShareName(string classAndId)
    {
        if (!ClassPatterns.IsShare(classAndId))
        {
            return false;
        }

        foreach (var range in classAndId.AsSpan().SplitAny(" _-"))
        {
            var word = classAndId.AsSpan()[range];
            if (word.Equals("share", StringComparison.OrdinalIgnoreCase) || word.Equals("sharedaddy", StringComparison.OrdinalIgnoreCase)
                || word.Equals("sns", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
