namespace NewsFeedWorker.Benchmarks.Extraction;

/// <summary>A page the product threw on, reported rather than timed.</summary>
internal sealed record PageFailure
{
    public required string Path { get; init; }

    public required string Error { get; init; }
}
