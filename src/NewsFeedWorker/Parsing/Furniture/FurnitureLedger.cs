namespace NewsFeedWorker.Parsing.Furniture;

/// <summary>
/// One source's recent article pages and the block fingerprints each one showed, newest last, bounded to
/// <see cref="Capacity"/> pages. A fingerprint on <see cref="MinimumPages"/> or more other pages is furniture: a story's
/// own text does not repeat word for word across the source's other stories, a site's boxes and notes do.
/// </summary>
public sealed class FurnitureLedger
{
    /// <summary>How many of the source's latest pages are remembered: enough to learn from, few enough to follow a redesign.</summary>
    public const int Capacity = 50;

    /// <summary>On how many other pages a block's text must have appeared to be taken for furniture.</summary>
    public const int MinimumPages = 3;

    private readonly LinkedList<(string Url, IReadOnlyList<ulong> Fingerprints)> pages = new();
    private readonly Dictionary<ulong, int> counts = [];
    private readonly int minimumPages;

    public FurnitureLedger(int minimumPages = MinimumPages) => this.minimumPages = minimumPages;

    public int PageCount => pages.Count;

    /// <summary>Remembers a page's fingerprints (replacing what the same URL showed before), forgetting the oldest page past capacity.</summary>
    public void Record(Uri url, IReadOnlyList<ulong> fingerprints)
    {
        Forget(url.AbsoluteUri);
        pages.AddLast((url.AbsoluteUri, [.. fingerprints.Distinct()]));
        Count(pages.Last!.Value.Fingerprints, +1);
        while (pages.Count > Capacity)
        {
            Count(pages.First!.Value.Fingerprints, -1);
            pages.RemoveFirst();
        }
    }

    /// <summary>The furniture known for parsing <paramref name="url"/>: what that page itself showed before does not count.</summary>
    public FurnitureMemory MemoryFor(Uri url)
    {
        var own = pages.FirstOrDefault(p => p.Url == url.AbsoluteUri).Fingerprints ?? [];
        var ownSet = own.ToHashSet();
        var repeated = new HashSet<ulong>();
        foreach (var (fingerprint, count) in counts)
        {
            if (count - (ownSet.Contains(fingerprint) ? 1 : 0) >= minimumPages)
            {
                repeated.Add(fingerprint);
            }
        }

        return repeated.Count == 0 ? FurnitureMemory.Empty : new FurnitureMemory(repeated);
    }

    private void Forget(string url)
    {
        for (var node = pages.First; node is not null; node = node.Next)
        {
            if (node.Value.Url == url)
            {
                Count(node.Value.Fingerprints, -1);
                pages.Remove(node);
                return;
            }
        }
    }

    private void Count(IReadOnlyList<ulong> fingerprints, int delta)
    {
        foreach (var fingerprint in fingerprints)
        {
            var count = counts.GetValueOrDefault(fingerprint) + delta;
            if (count > 0)
            {
                counts[fingerprint] = count;
            }
            else
            {
                counts.Remove(fingerprint);
            }
        }
    }
}
