namespace NewsFeedWorker.Scheduling;

/// <summary>Where a running cycle is: list pages read, article links found and handled so far, what was stored.</summary>
public sealed record CycleProgress(int ListPages, int ArticleLinks, int ArticlesDone, int New, int Updated, int Failures);
