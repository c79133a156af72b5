using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>Strips page furniture and boilerplate from a copy of the body, promotes lazy images and absolutizes URLs.</summary>
internal static class BodyCleaner
{
    /// <summary>Attribute set on page furniture found elsewhere (weather widget, teaser blocks) so a copy of the body can drop it.</summary>
    public const string FurnitureMark = "data-nfw-furniture";

    private static readonly string[] LazySources = ["data-src", "data-original", "data-lazy-src", "data-lazy", "data-url", "data-echo"];
    private static readonly string[] LazySrcsets = ["data-srcset", "data-lazy-srcset"];
    private static readonly string[] UrlAttributes = ["href", "src", "poster", "cite"];

    /// <summary>Cleans <paramref name="body"/> in place; returns the origin named by a credit line it removed, if any.</summary>
    public static string? Clean(IElement body, Uri baseUri, IReadOnlyList<string> removeSelectors, List<string> errors)
    {
        foreach (var selector in removeSelectors)
        {
            foreach (var element in SelectorQuery.All(body, selector, "remove", errors))
            {
                element.Remove();
            }
        }

        RemoveFurniture(body, baseUri);
        RemoveDateLines(body);
        RemoveLinkBlocksAndRepeats(body);
        var origin = RemoveBoilerplateText(body);
        RemoveEmpty(body);
        return origin;
    }

    private static void RemoveFurniture(IElement body, Uri baseUri)
    {
        var walk = new DomWalk(body);
        var enter = true;
        while (walk.MoveNext(enter))
        {
            enter = true;
            if (walk.Current is IComment || walk.Current is IElement element && IsFurniture(element))
            {
                walk.RemoveCurrent();
                enter = false;
            }
            else if (walk.Current is IElement kept)
            {
                FixUrls(kept, baseUri);
                if (kept.LocalName != "figcaption" && Boilerplate.IsCaption(kept))
                {
                    // The sanitizer drops class names: the caption keeps its role as the element that says it.
                    AsFigcaption(kept);
                }
            }
        }
    }

    private static void AsFigcaption(IElement element)
    {
        var caption = element.Owner!.CreateElement("figcaption");
        while (element.FirstChild is { } child)
        {
            caption.AppendChild(child);
        }

        element.AppendChild(caption);
    }

    private static bool IsFurniture(IElement element)
    {
        if (Boilerplate.DroppedTags.Contains(element.LocalName) || element.HasAttribute(FurnitureMark) || (element.HasAttribute("hidden") && !Generic.DomPruner.IsStreamedSegment(element)))
        {
            return true;
        }

        if (element.GetAttribute("style") is { } style && style.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return (Boilerplate.IsJunkName(element.ClassName) || Boilerplate.IsJunkName(element.Id)) && !HoldsProse(element);
    }

    // A wrapper misnamed "ad-free-article" or the like must not take the article with it.
    private static bool HoldsProse(IElement element)
    {
        var length = 0;
        foreach (var paragraph in element.GetElementsByTagName("p"))
        {
            length += paragraph.TextContent.Length;
            if (length > 400)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes blocks whose whole text is a date or reading-time line (see <see cref="DateLine"/>).</summary>
    private static void RemoveDateLines(IElement body)
    {
        var walk = new DomWalk(body);
        var enter = true;
        while (walk.MoveNext(enter))
        {
            enter = true;
            if (walk.Current is not IElement element)
            {
                continue;
            }

            // Logs, code and tables are data: a row of timestamps there is content.
            if (element.LocalName is "pre" or "code" or "table" or "samp" or "kbd")
            {
                enter = HasMedia(element);
                continue;
            }

            // Long blocks are entered without building their whole text, and media is looked for only in short ones; a text
            // too long for a date line is measured, not built.
            var line = ShortText.Of(element, 400, out var tooLong, wanted: DateLine.MaxLength);
            if (tooLong || HasMedia(element))
            {
                continue;
            }

            if (line is not null && DateLine.Is(line))
            {
                walk.RemoveCurrent();
                enter = false;
                continue;
            }

            // A short element is judged whole: a date inside a longer line is part of that line. A short wrapper of
            // blocks (an article header: headline, "Stand: …" line, lead) is no line: its blocks are judged one by one.
            enter = HasBlockChild(element);
        }
    }

    /// <summary>
    /// Removes text blocks that are mostly a link (a "read more" teaser, a related headline among the paragraphs) and
    /// blocks whose text already stood earlier in the body (a caption or prompt repeated by a slideshow or a template).
    /// </summary>
    private static void RemoveLinkBlocksAndRepeats(IElement body)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var walk = new DomWalk(body);
        var enter = true;
        while (walk.MoveNext(enter))
        {
            enter = true;
            if (walk.Current is not IElement element || !IsTextBlock(element))
            {
                continue;
            }

            enter = false;
            if (BlockText(element) is not { } text || HasMedia(element))
            {
                continue;
            }

            var teaser = text.Length <= MaxLinkBlock && LinkText.LengthIn(element) >= 0.8 * text.Length;
            if (teaser || (text.Length is >= 20 and <= MaxRepeated && !seen.Add(text)))
            {
                walk.RemoveCurrent();
            }
        }
    }

    private const int MaxLinkBlock = 300;

    /// <summary>Raw characters of a block read on the stack before its text is built from <c>TextContent</c> instead.</summary>
    private const int MaxStackText = 2048;

    /// <summary>
    /// A block's text as <see cref="TextNormalizer.Clean"/> of its <c>TextContent</c>, or null when it is blank or too
    /// long to be a teaser or a repeat: most paragraphs are, and their text was built only to be measured.
    /// </summary>
    private static string? BlockText(IElement element)
    {
        var text = ShortText.Of(element, MaxStackText, out var tooLong, wanted: MaxLinkBlock);
        return tooLong && TextNormalizer.Clean(element.TextContent) is { Length: <= MaxLinkBlock } spaced ? spaced : text;
    }

    // Long paragraphs may repeat on purpose (a quote taken up again); furniture repeats as short lines.
    private const int MaxRepeated = 150;

    private static bool HasBlockChild(IElement element)
    {
        foreach (var child in element.Children)
        {
            if (DomWalk.IsBlock(child.LocalName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A paragraph-like element: one of the text block tags, or a div holding no block of its own.</summary>
    private static bool IsTextBlock(IElement element)
    {
        if (element.LocalName is "p" or "li" or "dd" or "dt" or "h2" or "h3" or "h4" or "h5" or "h6")
        {
            return true;
        }

        if (element.LocalName != "div")
        {
            return false;
        }

        foreach (var child in element.Children)
        {
            if (DomWalk.IsBlock(child.LocalName))
            {
                return false;
            }
        }

        return true;
    }


    private static void FixUrls(IElement element, Uri baseUri)
    {
        if (element.LocalName is "img" or "source" or "video" or "iframe")
        {
            foreach (var lazy in LazySources)
            {
                if (element.GetAttribute(lazy) is { Length: > 0 } value)
                {
                    element.SetAttribute(element.LocalName == "video" ? "poster" : "src", value);
                    break;
                }
            }

            foreach (var lazy in LazySrcsets)
            {
                if (element.GetAttribute(lazy) is { Length: > 0 } value)
                {
                    element.SetAttribute("srcset", value);
                    break;
                }
            }
        }

        foreach (var name in UrlAttributes)
        {
            if (element.GetAttribute(name) is { } raw)
            {
                var absolute = UrlResolver.Resolve(baseUri, raw);
                if (absolute is null)
                {
                    element.RemoveAttribute(name);
                }
                else
                {
                    element.SetAttribute(name, absolute.AbsoluteUri);
                }
            }
        }

        if (element.GetAttribute("srcset") is { } srcset)
        {
            if (UrlResolver.ResolveSrcset(baseUri, srcset) is { } resolved)
            {
                element.SetAttribute("srcset", resolved);
            }
            else
            {
                element.RemoveAttribute("srcset");
            }
        }
    }

    private static string? RemoveBoilerplateText(IElement body)
    {
        string? origin = null;
        var doomed = new List<INode>();
        var walk = new DomWalk(body);
        while (walk.MoveNext())
        {
            if (walk.Current is not IText text)
            {
                continue;
            }

            var line = TextNormalizer.Clean(text.Data);
            if (line is null)
            {
                continue;
            }

            if (Boilerplate.CreditOrigin(line) is { } credit)
            {
                origin ??= credit;
                doomed.Add(text);
            }
            else if (Boilerplate.IsBoilerplateLine(line))
            {
                doomed.Add(text);
            }
        }

        foreach (var node in doomed)
        {
            // When the line is its element's only text (a <p> or <div> of its own), the element goes too.
            RemoveWithEmptyWrappers(node, body);
        }

        return origin;
    }

    /// <summary>Removes <paramref name="node"/> and the wrappers it leaves empty (no text, no media), up to <paramref name="body"/>.</summary>
    public static void RemoveWithEmptyWrappers(INode node, IElement body)
    {
        var owner = node.Parent as IElement;
        node.Parent?.RemoveChild(node);
        while (owner is not null && owner != body && ShortText.IsBlank(owner) && !HasMedia(owner))
        {
            var parent = owner.ParentElement;
            owner.Remove();
            owner = parent;
        }
    }

    private static void RemoveEmpty(IElement body)
    {
        var elements = new List<IElement>();
        var walk = new DomWalk(body);
        while (walk.NextElement() is { } element)
        {
            elements.Add(element);
        }

        // Children come after their parents in document order, so walking backwards empties the leaves first.
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var element = elements[i];
            if (element.LocalName is "p" or "div" or "span" or "section" or "strong" or "b" or "em" or "font" or "li" or "ul" or "ol" or "a" or "center"
                && IsEmpty(element))
            {
                element.Remove();
            }
        }

        TrimBreaks(body);
    }

    private static bool IsEmpty(IElement element)
    {
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement childElement)
            {
                if (childElement.LocalName != "br")
                {
                    return false;
                }
            }
            else if (child is IText text && Generic.TextMeasure.CollapsedLength(text.Data) != 0)
            {
                return false;
            }
        }

        return true;
    }

    // Runs of <br> left behind where boilerplate lines were; two in a row already mean a paragraph break.
    private static void TrimBreaks(IElement body)
    {
        var breaks = new List<IElement>();
        var walk = new DomWalk(body);
        while (walk.NextElement() is { } element)
        {
            if (element.LocalName == "br")
            {
                breaks.Add(element);
            }
        }

        foreach (var br in breaks)
        {
            var previous = PreviousSignificant(br);
            if (previous is null || previous is IElement { LocalName: "br" } earlier && PreviousSignificant(earlier) is IElement { LocalName: "br" })
            {
                br.Remove();
            }
        }
    }

    private static INode? PreviousSignificant(INode node)
    {
        var previous = node.PreviousSibling;
        while (previous is IText text && Generic.TextMeasure.CollapsedLength(text.Data) == 0)
        {
            previous = previous.PreviousSibling;
        }

        return previous;
    }

    private static bool HasMedia(IElement element) =>
        SelectorQuery.First(element, "img, video, picture, audio", "", null) is not null;
}
