namespace NewsFeedWorker.Storage;

/// <summary>What saving an article did.</summary>
public sealed record ArticleSaveResult(ArticleSaveOutcome Outcome, string Id, string? NearDuplicateOf = null);

public enum ArticleSaveOutcome
{
    New,
    Updated,
    Unchanged,
    /// <summary>Pruned earlier; remembered so it is not re-published as new.</summary>
    Forgotten,
}
