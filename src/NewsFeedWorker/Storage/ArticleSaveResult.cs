namespace NewsFeedWorker.Storage;

/// <summary>What saving an article did.</summary>
public sealed record ArticleSaveResult(ArticleSaveOutcome Outcome, string Id, string? NearDuplicateOf = null)
{
    /// <summary>For an update that was a material change, the fields it changed (the previous version is kept as a revision); else empty.</summary>
    public IReadOnlyList<string> Corrected { get; init; } = [];
}

public enum ArticleSaveOutcome
{
    New,
    Updated,
    Unchanged,
    /// <summary>Pruned earlier; remembered so it is not re-published as new.</summary>
    Forgotten,
}
