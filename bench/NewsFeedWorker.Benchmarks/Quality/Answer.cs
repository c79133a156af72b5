namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>What one extractor returned for a page; null fields were not given.</summary>
internal sealed record Answer
{
    public string? Text { get; init; }

    public string? Title { get; init; }

    public string? Date { get; init; }

    public string? Authors { get; init; }

    /// <summary>Why there is no article (ours only), for the worst-pages list.</summary>
    public string? Reason { get; init; }

    /// <summary>Extraction method per field (ours only).</summary>
    public string? Methods { get; init; }

    public bool HasArticle => !string.IsNullOrWhiteSpace(Text);
}
