namespace NewsFeedWorker.Parsing.Furniture;

/// <summary>
/// What a source's earlier article pages taught about its furniture: the fingerprints of block texts that appeared
/// on several other pages of the source. Read-only input of one parse; built by <see cref="FurnitureLedger"/>.
/// </summary>
public sealed class FurnitureMemory(IReadOnlySet<ulong> repeated)
{
    /// <summary>Nothing learned yet (a new source, or a source with the memory turned off).</summary>
    public static FurnitureMemory Empty { get; } = new(new HashSet<ulong>());

    public bool IsEmpty => repeated.Count == 0;

    public bool Contains(ulong fingerprint) => repeated.Contains(fingerprint);
}
