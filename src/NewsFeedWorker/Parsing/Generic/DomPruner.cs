using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// First pass over the body: marks as removed the scripts, hidden nodes and (when allowed) the page
/// furniture recognised by tag, role or class/id, the byline block and the heading that repeats the
/// title. The document itself is not touched: later passes skip what is in the returned set.
/// </summary>
internal static class DomPruner
{
    public static HashSet<IElement> Prune(IElement body, ExtractionFlags flags, string? title, ref string? byline)
    {
        var removed = new HashSet<IElement>();
        var strip = flags.HasFlag(ExtractionFlags.StripUnlikely);
        var titleRemoved = string.IsNullOrEmpty(title);
        var walk = new DomWalk(body);
        var node = walk.NextElement();
        while (node is not null)
        {
            if (ShouldRemove(node, strip, ref byline) || (!titleRemoved && DuplicatesTitle(node, title!, ref titleRemoved)))
            {
                removed.Add(node);
                node = walk.NextElement(skipChildren: true);
                continue;
            }

            if (flags.HasFlag(ExtractionFlags.StripUnlikely) && SummaryBox.Around(node) is { } box)
            {
                // An "AI 요약" box: its label is met first, the box around it leaves with it.
                removed.Add(box);
            }

            node = walk.NextElement();
        }

        return removed;
    }

    private static bool ShouldRemove(IElement node, bool strip, ref string? byline)
    {
        switch (node.LocalName)
        {
            case "script" or "style" or "noscript" or "template" or "link" or "meta" or "button" or "input"
                or "select" or "textarea" or "object" or "embed" or "dialog":
                return true;
        }

        if (IsHidden(node) || Content.Boilerplate.IsOverlay(node))
        {
            return true;
        }

        var classAndId = DomWalk.ClassAndId(node);
        if (byline is null && IsByline(node, classAndId))
        {
            var text = TextMeasure.Collapse(node.TextContent);
            if (text.Length is > 0 and < 100)
            {
                // A byline block often wraps the name in itemprop=name among dates and share links.
                var name = node.QuerySelector("[itemprop~='name']");
                byline = name is null ? text : TextMeasure.Collapse(name.TextContent) is { Length: > 0 } named ? named : text;
                return true;
            }
        }

        if (!strip)
        {
            return false;
        }

        if (node.LocalName is "nav" or "aside" or "footer")
        {
            return true;
        }

        if (node.GetAttribute("role") is "menu" or "menubar" or "complementary" or "navigation" or "alert" or "alertdialog" or "dialog")
        {
            return true;
        }

        return node.LocalName is not ("body" or "a" or "main" or "article")
            && classAndId.Length > 0
            && ClassPatterns.IsUnlikely(classAndId)
            && !DomWalk.HasAncestor(node, "table")
            && !DomWalk.HasAncestor(node, "code");
    }

    /// <summary>
    /// React's streamed server rendering sends each finished part of the page as <c>&lt;div hidden id="S:…"&gt;</c> and a
    /// script moves it into place: hidden only until the page runs, the body of every such site's articles.
    /// </summary>
    public static bool IsStreamedSegment(IElement node)
        => node.LocalName == "div" && node.Id is { Length: > 2 } id && id.StartsWith("S:", StringComparison.Ordinal);

    public static bool IsHidden(IElement node)
    {
        if (node.HasAttribute("hidden"))
        {
            return !IsStreamedSegment(node);
        }

        if (node.GetAttribute("aria-hidden") == "true" && !(node.ClassName?.Contains("fallback-image", StringComparison.Ordinal) ?? false))
        {
            return true;
        }

        var style = node.GetAttribute("style");
        if (string.IsNullOrEmpty(style) || !(style.Contains("none", StringComparison.OrdinalIgnoreCase) || style.Contains("hidden", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        Span<char> compact = stackalloc char[Math.Min(style.Length, 512)];
        var length = 0;
        foreach (var c in style)
        {
            if (!char.IsWhiteSpace(c) && length < compact.Length)
            {
                compact[length++] = char.ToLowerInvariant(c);
            }
        }

        var css = compact[..length];
        return css.Contains("display:none", StringComparison.Ordinal) || css.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    private static bool IsByline(IElement node, string classAndId)
    {
        if (node.GetAttribute("rel") == "author" || (node.GetAttribute("itemprop")?.Contains("author", StringComparison.Ordinal) ?? false))
        {
            return true;
        }

        return classAndId.Length > 0 && ClassPatterns.IsByline(classAndId);
    }

    private static bool DuplicatesTitle(IElement node, string title, ref bool removed)
    {
        if (node.LocalName is not ("h1" or "h2"))
        {
            return false;
        }

        var heading = TextMeasure.Collapse(node.TextContent);
        if (TextMeasure.Similarity(title, heading) > 0.75)
        {
            removed = true;
            return true;
        }

        return false;
    }
}
