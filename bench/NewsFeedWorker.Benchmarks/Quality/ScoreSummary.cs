namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>One extractor's figures over a group of pages (a set, or one language of it).</summary>
internal sealed record ScoreSummary
{
    public required string Extractor { get; init; }

    public required int Pages { get; init; }

    /// <summary>Pages with a body truth (articles); the body figures are over these.</summary>
    public int BodyPages { get; init; }

    public double? F1Mean { get; init; }

    public double? F1Median { get; init; }

    public double? PrecisionMean { get; init; }

    public double? RecallMean { get; init; }

    /// <summary>Article pages where nothing was extracted.</summary>
    public int? NoArticle { get; init; }

    /// <summary>Non-article pages rightly given no article, and how many there are.</summary>
    public (int Right, int Of)? NonArticles { get; init; }

    public (int Right, int Of)? Titles { get; init; }

    public (int Right, int Of)? Dates { get; init; }

    public (int Right, int Of)? Authors { get; init; }

    public static ScoreSummary Of(string extractor, IReadOnlyList<PageScore> scores)
    {
        var bodies = scores.Where(s => s.Body is not null).Select(s => s.Body!.Value).ToList();
        var nonArticles = scores.Where(s => !s.Page.Truth.IsArticle).ToList();
        return new ScoreSummary
        {
            Extractor = extractor,
            Pages = scores.Count,
            BodyPages = bodies.Count,
            F1Mean = bodies.Count == 0 ? null : bodies.Average(b => b.F1),
            F1Median = bodies.Count == 0 ? null : Median(bodies.Select(b => b.F1)),
            PrecisionMean = bodies.Count == 0 ? null : bodies.Average(b => b.Precision),
            RecallMean = bodies.Count == 0 ? null : bodies.Average(b => b.Recall),
            NoArticle = bodies.Count == 0 ? null : scores.Count(s => s.Body is not null && s.NoArticle),
            NonArticles = nonArticles.Count == 0 || bodies.Count == 0 ? null : (nonArticles.Count(s => s.NoArticle), nonArticles.Count),
            Titles = Rate(scores.Select(s => s.TitleExact)),
            Dates = Rate(scores.Select(s => s.DateRight)),
            Authors = Rate(scores.Select(s => s.AuthorsFound)),
        };
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static (int, int)? Rate(IEnumerable<bool?> outcomes)
    {
        var scored = outcomes.Where(o => o.HasValue).ToList();
        return scored.Count == 0 ? null : (scored.Count(o => o!.Value), scored.Count);
    }
}
