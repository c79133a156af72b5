using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Computes <see cref="NodeStats"/> for a subtree in one bottom-up pass (children before parents).</summary>
internal static class StatsBuilder
{
    /// <summary>
    /// Fills <paramref name="stats"/> for <paramref name="root"/> and every element below it that is not
    /// in (or under) <paramref name="removed"/>. <paramref name="paragraphs"/> receives what the scorer
    /// rates: each paragraph and the element its score starts from.
    /// </summary>
    public static void Build(IElement root, HashSet<IElement> removed, Dictionary<IElement, NodeStats> stats, List<(NodeStats Paragraph, IElement Start)> paragraphs)
    {
        var elements = DomWalk.Elements(root, removed);
        stats.EnsureCapacity(stats.Count + elements.Count + 1);
        for (var i = elements.Count - 1; i >= -1; i--)
        {
            // The root comes last, after everything below it (-1: not shifted into the list's front, a copy of the whole list).
            var element = i >= 0 ? elements[i] : root;
            var own = new NodeStats();
            var hasBlockChild = false;
            // The current run of inline content, scored like a paragraph: kept in locals, as a paragraph only when it is one.
            var runText = 0;
            var runCommas = 0;
            var runLink = 0.0;
            var liveChildren = 0;
            IElement? onlyChild = null;
            var brRun = new BrParagraphs();
            foreach (var child in element.ChildNodes)
            {
                if (child is IText text)
                {
                    var data = text.Data.AsSpan();
                    var length = TextMeasure.CollapsedLength(data);
                    var commas = TextMeasure.CountCommas(data);
                    brRun.Text(data.IsWhiteSpace() ? 0 : length);
                    own.TextLength += length;
                    own.Commas += commas;
                    runText += length;
                    runCommas += commas;
                }
                else if (child is IElement childElement && stats.TryGetValue(childElement, out var c))
                {
                    own.Add(c);
                    own.LongestProse = Math.Max(own.LongestProse, c.LongestProse);
                    liveChildren++;
                    onlyChild = childElement;
                    if (childElement.LocalName == "br")
                    {
                        brRun.Break();
                    }
                    else if (DomWalk.IsBlock(childElement.LocalName) || c.HasBlock)
                    {
                        brRun.Block();
                        // A link wrapping a div is no more inline than the div.
                        hasBlockChild = true;
                        own.LongestProse = Math.Max(own.LongestProse, Prose(runText, runLink));
                        Flush(element, runText, runCommas, runLink, paragraphs);
                        (runText, runCommas, runLink) = (0, 0, 0);
                    }
                    else
                    {
                        brRun.Text(c.TextLength);
                        runText += c.TextLength;
                        runCommas += c.Commas;
                        runLink += c.LinkLength;
                    }
                }
            }

            own.HasBlock = hasBlockChild;
            own.Paragraphs += brRun.Count();
            if (element.LocalName is "p" or "div" or "td" or "li" or "blockquote")
            {
                own.LongestProse = Math.Max(own.LongestProse, Prose(runText, runLink));
            }

            var name = element.LocalName;
            switch (name)
            {
                case "a":
                    MarkInsideLink(element, stats);
                    var href = element.GetAttribute("href");
                    own.LinkLength = own.TextLength * (href is not null && href.StartsWith('#') ? 0.3 : 1);
                    break;
                case "p":
                    own.Paragraphs++;
                    break;
                case "img":
                    own.Images++;
                    break;
                case "li":
                    own.ListItems++;
                    break;
                case "input":
                    own.Inputs++;
                    break;
                case "iframe" or "object" or "embed" or "video":
                    own.Embeds++;
                    break;
                case "ul" or "ol":
                    own.ListText = own.TextLength;
                    break;
            }

            if (DomWalk.IsHeading(name))
            {
                own.HeadingText = own.TextLength;
            }

            if (name == "div")
            {
                if (!hasBlockChild)
                {
                    own.ParagraphLike = true;
                    own.Paragraphs++;
                }
                else if (runText > 0)
                {
                    Flush(element, runText, runCommas, runLink, paragraphs);
                }
                else if (liveChildren == 1 && onlyChild!.LocalName == "p" && own.LinkDensity < 0.25)
                {
                    own.ParagraphWrapper = true;
                }
            }

            if (element.ParentElement is { } parent
                && (own.ParagraphLike || name is "p" or "pre" or "td" or "section" or "h2" or "h3" or "h4" or "h5" or "h6"))
            {
                // The score of a paragraph alone in a div starts above that div, as if the div were not there.
                var start = name == "p" && parent != root && IsWrapperOf(parent, element, removed) && own.LinkDensity < 0.25 && parent.ParentElement is { } above
                    ? above
                    : parent;
                paragraphs.Add((own, start));
            }

            stats[element] = own;
        }
    }

    /// <summary>Marks the paragraphs a link wraps (its direct children and their wrappers' children).</summary>
    private static void MarkInsideLink(IElement link, Dictionary<IElement, NodeStats> stats)
    {
        foreach (var child in link.Children)
        {
            if (stats.TryGetValue(child, out var s))
            {
                s.InsideLink = true;
                foreach (var grandchild in child.Children)
                {
                    if (stats.TryGetValue(grandchild, out var g))
                    {
                        g.InsideLink = true;
                    }
                }
            }
        }
    }

    /// <summary>The run's length when it is prose (links under half its text), as <see cref="NodeStats.LinkDensity"/> measures.</summary>
    private static int Prose(int text, double link) => (text == 0 ? 0 : link / text) < 0.5 ? text : 0;

    /// <summary>Whether <paramref name="parent"/> is a div holding nothing but <paramref name="paragraph"/>.</summary>
    private static bool IsWrapperOf(IElement parent, IElement paragraph, HashSet<IElement> removed)
    {
        if (parent.LocalName != "div" || parent.ChildElementCount > 4)
        {
            return false;
        }

        foreach (var child in parent.ChildNodes)
        {
            if (child is IText text && !string.IsNullOrWhiteSpace(text.Data))
            {
                return false;
            }

            if (child is IElement element && element != paragraph && !removed.Contains(element))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Paragraphs written as text between <c>&lt;br&gt;&lt;br&gt;</c> pairs (bodies without <c>p</c>): Readability turns such
    /// runs into paragraphs before it cleans, so conditional cleaning must count them, or a br-written body with two
    /// photos reads as a gallery with no paragraph and is thrown away.
    /// </summary>
    private struct BrParagraphs
    {
        private int breaks;
        private int textSinceBreak;
        private int paragraphs;

        public void Text(int length)
        {
            if (length == 0)
            {
                return;
            }

            if (this.breaks >= 2 && this.textSinceBreak > 0)
            {
                this.paragraphs++;
                this.textSinceBreak = 0;
            }

            this.breaks = 0;
            this.textSinceBreak += length;
        }

        public void Break() => this.breaks++;

        /// <summary>A block child ends the run: the text before it is counted (when breaks split it) and a new run starts.</summary>
        public void Block()
        {
            this.Close();
            this.breaks = 0;
            this.textSinceBreak = 0;
        }

        /// <summary>The paragraphs the runs hold; a run without a double break is no paragraph of its own.</summary>
        public int Count()
        {
            this.Close();
            return this.paragraphs;
        }

        private void Close()
        {
            if (this.paragraphs > 0 && this.textSinceBreak > 0)
            {
                this.paragraphs++;
            }

            this.textSinceBreak = 0;
        }
    }

    /// <summary>Inline text mixed with blocks inside a div counts as a paragraph whose score starts at that div.</summary>
    private static void Flush(IElement element, int text, int commas, double link, List<(NodeStats, IElement)> paragraphs)
    {
        if (element.LocalName == "div" && text >= 25)
        {
            paragraphs.Add((new NodeStats { TextLength = text, Commas = commas, LinkLength = link }, element));
        }
    }
}
