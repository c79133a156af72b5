namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>The ground truth of a page; a null field is not scored on it.</summary>
internal sealed record Truth
{
    public string? Body { get; init; }

    public string? Title { get; init; }

    /// <summary>The publication date as the set writes it (ISO 8601, with or without time and offset).</summary>
    public string? Date { get; init; }

    /// <summary>True when the set says the page has no date: the right answer is none.</summary>
    public bool NoDateExpected { get; init; }

    public IReadOnlyList<string>? Authors { get; init; }

    /// <summary>False for the pages that hold no article: the right answer is none.</summary>
    public bool IsArticle { get; init; } = true;
}
