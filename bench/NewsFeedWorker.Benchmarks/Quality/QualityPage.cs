namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>One page of a development set: its bytes as a fetch would deliver them, the truth, and what the peers answered.</summary>
internal sealed record QualityPage
{
    public required string Set { get; init; }

    public required string Id { get; init; }

    public required Uri Url { get; init; }

    /// <summary>Two-letter language of the page (as the set records it), or "-" when unknown.</summary>
    public required string Language { get; init; }

    public required Func<byte[]> ReadBytes { get; init; }

    /// <summary>When the page was fetched (the set's crawl date when known): the upper bound of a plausible date.</summary>
    public required DateTimeOffset FetchedAt { get; init; }

    public required Truth Truth { get; init; }

    public IReadOnlyDictionary<string, Answer> Peers { get; init; } = new Dictionary<string, Answer>();
}
