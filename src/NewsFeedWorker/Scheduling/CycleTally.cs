namespace NewsFeedWorker.Scheduling;

/// <summary>What one source cycle did, counted as it goes; becomes the summary log line and the source status.</summary>
internal sealed class CycleTally
{
    public int PagesFetched { get; set; }
    public int NotModified { get; set; }
    /// <summary>Pages that failed: fetches that failed, parses that failed or ran out of time, pages that threw.</summary>
    public int Failures { get; set; }
    public int NoArticle { get; set; }
    public int Skipped { get; set; }
    public int NewArticles { get; set; }
    public int UpdatedArticles { get; set; }
    public int NearDuplicates { get; set; }
    public int WeatherSnapshots { get; set; }
    public string? LastError { get; set; }
    public int ListPagesRead { get; set; }
    public IProgress<CycleProgress>? Progress { get; init; }

    public void Report(int articleLinks, int articlesDone) =>
        Progress?.Report(new CycleProgress(ListPagesRead, articleLinks, articlesDone, NewArticles, UpdatedArticles, Failures));

    /// <summary>Anything a feed shows changed, so the feeds must be re-rendered.</summary>
    public bool ChangedFeeds => NewArticles > 0 || UpdatedArticles > 0 || WeatherSnapshots > 0;
}
