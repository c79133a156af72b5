using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Per-element figures computed bottom-up once, so no scoring rule has to re-read a subtree's text.</summary>
/// <remarks>
/// The pruner links the figures of the elements that survive it into a tree of their own (<see cref="Parent"/>,
/// <see cref="FirstChild"/>, <see cref="NextSibling"/>), and the copier hands that tree over to the copy of the chosen
/// part, so scoring and cleaning find an element's figures by walking the tree instead of looking each element up in a
/// map: the first identity hash of an object is a call into the runtime, and content scoring used to pay it for every
/// element of the page and again for every copied one.
/// </remarks>
internal sealed class NodeStats
{
    /// <summary>The element measured (not set for an inline run scored as a paragraph).</summary>
    public IElement Element = null!;

    /// <summary>The figures of the nearest element above that survived pruning (null for the root).</summary>
    public NodeStats? Parent;

    /// <summary>The first child element that survived pruning; its siblings follow in document order.</summary>
    public NodeStats? FirstChild;

    public NodeStats? NextSibling;

    /// <summary>
    /// Left out after it was met, with all below it: by the pruner (a summary box found from its label inside), or from
    /// the copy of the chosen part (cut at the article's end, or removed by the cleaner).
    /// </summary>
    public bool Dropped;

    /// <summary>In the copy: lost a child to the cleaner (a teaser card cut down to its blurb is no paragraph wrapper).</summary>
    public bool Thinned;

    /// <summary>In the copy: a table of data rather than layout, kept with what it holds.</summary>
    public bool DataTable;

    public int TextLength;
    public double LinkLength;
    public int Commas;

    /// <summary>A div with no block children: Readability turns these into paragraphs, we score them as such.</summary>
    public bool ParagraphLike;

    /// <summary>A div whose only content is one paragraph: Readability replaces it with that paragraph.</summary>
    public bool ParagraphWrapper;

    /// <summary>Whether a block element (div, p, list, table, image …) is anywhere below this one.</summary>
    public bool HasBlock;

    /// <summary>Length of the longest prose paragraph (p, paragraph-like div, inline run) at or below this element.</summary>
    public int LongestProse;

    /// <summary>A paragraph wrapped in a link: a teaser's summary (card links wrap headline and summary), not prose.</summary>
    public bool InsideLink;

    public bool Scored;
    public double Score;

    /// <summary>The part of <see cref="Score"/> that came from paragraphs (no tag or class weight).</summary>
    public double ContentPoints;

    // Descendant counts used by conditional cleaning (filled only inside the chosen content).
    public int Paragraphs;
    public int Images;
    public int ListItems;
    public int Inputs;
    public int Embeds;
    public int HeadingText;
    public int ListText;

    /// <summary>The children that survived pruning and are still in place, in document order.</summary>
    public IEnumerable<NodeStats> Children()
    {
        for (var child = FirstChild; child is not null; child = child.NextSibling)
        {
            if (!child.Dropped)
            {
                yield return child;
            }
        }
    }

    /// <summary>Everything below that survived pruning and is still in place, in document order (no recursion: pages nest deep).</summary>
    public IEnumerable<NodeStats> Descendants()
    {
        var node = FirstChild;
        while (node is not null)
        {
            if (!node.Dropped)
            {
                yield return node;
                if (node.FirstChild is not null)
                {
                    node = node.FirstChild;
                    continue;
                }
            }

            while (node.NextSibling is null)
            {
                node = node.Parent!;
                if (node == this)
                {
                    yield break;
                }
            }

            node = node.NextSibling;
        }
    }

    public double LinkDensity => TextLength == 0 ? 0 : LinkLength / TextLength;

    public void Add(NodeStats child)
    {
        TextLength += child.TextLength;
        LinkLength += child.LinkLength;
        Commas += child.Commas;
        Paragraphs += child.Paragraphs;
        Images += child.Images;
        ListItems += child.ListItems;
        Inputs += child.Inputs;
        Embeds += child.Embeds;
        HeadingText += child.HeadingText;
        ListText += child.ListText;
    }

    public void Subtract(NodeStats removed)
    {
        TextLength -= removed.TextLength;
        LinkLength -= removed.LinkLength;
        Commas -= removed.Commas;
        Paragraphs -= removed.Paragraphs;
        Images -= removed.Images;
        ListItems -= removed.ListItems;
        Inputs -= removed.Inputs;
        Embeds -= removed.Embeds;
        HeadingText -= removed.HeadingText;
        ListText -= removed.ListText;
    }
}
