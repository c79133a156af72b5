using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Furniture;

/// <summary>
/// Marks the blocks of a body that the source's memory knows as furniture, so the body cleaner drops them like any other
/// furniture, and returns the fingerprints of all the body's blocks for the memory to learn from.
/// </summary>
internal static class FurnitureFilter
{
    /// <summary>
    /// Removal must leave at least this share of the body's block text: a body made mostly of repeated text is a page the
    /// memory misreads (a template page, a correction notice), and an article is never emptied by it.
    /// </summary>
    public const double MinimumKeptShare = 0.5;

    /// <returns>The distinct fingerprints of the body's blocks, in document order, removed ones included (so they keep counting).</returns>
    public static IReadOnlyList<ulong> Apply(IElement body, FurnitureMemory memory)
    {
        var blocks = BodyBlocks.Of(body);
        if (!memory.IsEmpty)
        {
            var total = blocks.Sum(b => b.Length);
            var repeated = blocks.Where(b => memory.Contains(b.Fingerprint)).ToList();
            if (repeated.Count > 0 && total - repeated.Sum(b => b.Length) >= total * MinimumKeptShare)
            {
                foreach (var block in repeated)
                {
                    block.Element.SetAttribute(BodyCleaner.FurnitureMark, "");
                }
            }
        }

        return [.. blocks.Select(b => b.Fingerprint).Distinct()];
    }
}
