using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Computes <see cref="NodeStats"/> for a subtree in one bottom-up pass (children before parents).</summary>
internal static class StatsBuilder
{
    /// <summary>
    /// Fills the figures of the elements the pruner kept (<paramref name="kept"/>, root first, in document order).
    /// <paramref name="paragraphs"/> receives what the scorer rates: each paragraph and the element its score starts from.
    /// </summary>
    public static void Build(List<NodeStats> kept, List<(NodeStats Paragraph, NodeStats Start)> paragraphs)
    {
        for (var i = kept.Count - 1; i >= 0; i--)
        {
            var own = kept[i];
            var element = own.Element;
            var hasBlockChild = false;
            // The current run of inline content, scored like a paragraph: kept in locals, as a paragraph only when it is one.
            var runText = 0;
            var runCommas = 0;
            var runLink = 0.0;
            var liveChildren = 0;
            IElement? onlyChild = null;
            var brRun = new BrParagraphs();

            // The kept children come in document order: a child element is kept when it is the next of them. By index:
            // a foreach over the node list allocates an enumerator for every element.
            var next = own.FirstChild;
            var children = element.ChildNodes;
            for (var k = 0; k < children.Length; k++)
            {
                var child = children[k];
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
                else if (next is not null && child == next.Element)
                {
                    var c = next;
                    var childElement = next.Element;
                    next = next.NextSibling;
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
                        Flush(own, runText, runCommas, runLink, paragraphs);
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
                    MarkInsideLink(own);
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
                    Flush(own, runText, runCommas, runLink, paragraphs);
                }
                else if (liveChildren == 1 && onlyChild!.LocalName == "p" && own.LinkDensity < 0.25)
                {
                    own.ParagraphWrapper = true;
                }
            }

            // The root's paragraphs would start above the body, where no score is kept.
            if (own.Parent is { } parent
                && (own.ParagraphLike || name is "p" or "pre" or "td" or "section" or "h2" or "h3" or "h4" or "h5" or "h6"))
            {
                // The score of a paragraph alone in a div starts above that div, as if the div were not there.
                var start = name == "p" && parent.Parent is { } above && IsWrapperOf(parent, own) && own.LinkDensity < 0.25
                    ? above
                    : parent;
                paragraphs.Add((own, start));
            }
        }
    }

    /// <summary>Marks the paragraphs a link wraps (its direct children and their wrappers' children).</summary>
    private static void MarkInsideLink(NodeStats link)
    {
        for (var child = link.FirstChild; child is not null; child = child.NextSibling)
        {
            child.InsideLink = true;
            for (var grandchild = child.FirstChild; grandchild is not null; grandchild = grandchild.NextSibling)
            {
                grandchild.InsideLink = true;
            }
        }
    }

    /// <summary>The run's length when it is prose (links under half its text), as <see cref="NodeStats.LinkDensity"/> measures.</summary>
    private static int Prose(int text, double link) => (text == 0 ? 0 : link / text) < 0.5 ? text : 0;

    /// <summary>Whether <paramref name="parent"/> is a div holding nothing but <paramref name="paragraph"/> (and what pruning left out).</summary>
    private static bool IsWrapperOf(NodeStats parent, NodeStats paragraph)
    {
        if (parent.Element.LocalName != "div" || parent.Element.ChildElementCount > 4 || parent.FirstChild != paragraph || paragraph.NextSibling is not null)
        {
            return false;
        }

        var children = parent.Element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is IText text && !string.IsNullOrWhiteSpace(text.Data))
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
    private static void Flush(NodeStats element, int text, int commas, double link, List<(NodeStats, NodeStats)> paragraphs)
    {
        if (element.Element.LocalName == "div" && text >= 25)
        {
            paragraphs.Add((new NodeStats { TextLength = text, Commas = commas, LinkLength = link }, element));
        }
    }
}
