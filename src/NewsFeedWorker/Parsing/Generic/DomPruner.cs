using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// First pass over the body: leaves out the scripts, hidden nodes and (when allowed) the page furniture recognised
/// by tag, role or class/id, the byline block and the heading that repeats the title. The document itself is not
/// touched: what survives is returned as a tree of <see cref="NodeStats"/> for the later passes to fill and read.
/// </summary>
internal static class DomPruner
{
    /// <summary>The elements that survive, root first, in document order, each linked to its surviving parent and children.</summary>
    public static List<NodeStats> Prune(IElement body, ExtractionFlags flags, string? title, ref string? byline)
    {
        var kept = new List<NodeStats> { new() { Element = body } };

        // The kept ancestors of the walk's position by depth (the root at 0), each with its last kept child so far.
        var open = new List<(NodeStats Node, NodeStats? LastChild)> { (kept[0], null) };
        var boxes = false;
        var strip = flags.HasFlag(ExtractionFlags.StripUnlikely);
        var titleRemoved = string.IsNullOrEmpty(title);
        var walk = new DomWalk(body);
        var node = walk.NextElement();
        while (node is not null)
        {
            if (ShouldRemove(node, strip, ref byline) || (!titleRemoved && DuplicatesTitle(node, title!, ref titleRemoved)))
            {
                node = walk.NextElement(skipChildren: true);
                continue;
            }

            open.RemoveRange(walk.Depth, open.Count - walk.Depth);
            var (parent, last) = open[^1];
            var stats = new NodeStats { Element = node, Parent = parent };
            if (last is null)
            {
                parent.FirstChild = stats;
            }
            else
            {
                last.NextSibling = stats;
            }

            open[^1] = (parent, stats);
            open.Add((stats, null));
            kept.Add(stats);

            // An "AI 요약" box: its label is met first, the box around it (an open ancestor; one above the root is not ours) leaves with it.
            if (flags.HasFlag(ExtractionFlags.StripUnlikely) && SummaryBox.Around(node) is { } box
                && open.FindIndex(o => o.Node.Element == box) is > 0 and var at && !open[at].Node.Dropped)
            {
                open[at - 1] = (open[at - 1].Node, Unlink(open[at].Node));
                boxes = true;
            }

            node = walk.NextElement();
        }

        if (boxes)
        {
            // What was met inside a dropped box leaves with it; parents come before their children in the list.
            foreach (var stats in kept)
            {
                stats.Dropped |= stats.Parent?.Dropped == true;
            }

            kept.RemoveAll(s => s.Dropped);
        }

        return kept;
    }

    /// <summary>Marks a kept element dropped and unlinks it, its parent's last child so far; returns the child before it.</summary>
    private static NodeStats? Unlink(NodeStats stats)
    {
        stats.Dropped = true;
        var parent = stats.Parent!;
        if (parent.FirstChild == stats)
        {
            parent.FirstChild = null;
            return null;
        }

        var previous = parent.FirstChild!;
        while (previous.NextSibling != stats)
        {
            previous = previous.NextSibling!;
        }

        previous.NextSibling = null;
        return previous;
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
