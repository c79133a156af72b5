namespace NewsFeedWorker.Benchmarks.Extraction;

/// <summary>One saved page, read into memory before timing starts.</summary>
internal sealed record CorpusPage
{
    public required string Path { get; init; }

    public required byte[] Bytes { get; init; }

    /// <summary>A made-up URL for the page (the parser needs a base for relative links).</summary>
    public required Uri Url { get; init; }
}
