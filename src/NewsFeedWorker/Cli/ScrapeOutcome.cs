namespace NewsFeedWorker.Cli;

/// <summary>Everything one scrape run produced; <see cref="FailedReason"/> set means a page the operator asked for could not be fetched or parsed.</summary>
internal sealed record ScrapeOutcome(IReadOnlyList<ScrapedPage> Pages, IReadOnlyList<string> Errors, string? FailedReason);
