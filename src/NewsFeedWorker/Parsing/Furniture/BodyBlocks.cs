using System.Buffers;
using System.Collections.Frozen;
using AngleSharp.Dom;
using NewsFeedWorker.Dedupe;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Furniture;

/// <summary>
/// The paragraph-level blocks of a body (elements of a block kind with no block inside them) and the fingerprint of
/// each one's text: lower-cased, white space collapsed, hashed. A block is the unit a site repeats from page to page
/// (a subscription note, a reporter box line, a related-stories item), and the unit a story never repeats.
/// </summary>
internal static class BodyBlocks
{
    private static readonly FrozenSet<string> BlockTags = new[]
    {
        "p", "div", "section", "article", "aside", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "figure", "figcaption", "table", "tr", "td", "th", "caption", "ul", "ol", "li", "dl", "dt", "dd", "pre", "address",
        "center", "form",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The leaf blocks of <paramref name="body"/> in document order, with their text's fingerprint and length.</summary>
    public static List<(IElement Element, ulong Fingerprint, int Length)> Of(IElement body)
    {
        var blocks = new List<(IElement, ulong, int)>();
        var holdsBlock = new HashSet<IElement>();
        var walk = new DomWalk(body, exited: node =>
        {
            if (node is not IElement element)
            {
                return;
            }

            var isBlock = BlockTags.Contains(element.LocalName);
            if ((isBlock || holdsBlock.Contains(element)) && element.ParentElement is { } parent)
            {
                holdsBlock.Add(parent);
            }

            if (isBlock && !holdsBlock.Contains(element) && Fingerprint(element.TextContent) is { } fingerprint)
            {
                blocks.Add((element, fingerprint.Hash, fingerprint.Length));
            }
        });
        while (walk.MoveNext())
        {
        }

        return blocks;
    }

    /// <summary>The fingerprint of one block's text; null for a block without text (an image, a spacer).</summary>
    /// <remarks>Collapsed and lower-cased in one pooled buffer: every block of every body is fingerprinted.</remarks>
    public static (ulong Hash, int Length)? Fingerprint(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var rented = ArrayPool<char>.Shared.Rent(2 * text.Length);
        try
        {
            var length = TextNormalizer.Collapse(text, rented);
            if (length == 0)
            {
                return null;
            }

            var lower = rented.AsSpan(length, length);
            rented.AsSpan(0, length).ToLowerInvariant(lower);
            return (SimHash.Hash(lower), length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }
}
