namespace NewsFeedWorker.Storage;

/// <summary>
/// What a list page linked to when it was last read, kept with its validators: when it answers 304, the cycle
/// re-checks these articles and follows this next page as if it had read the page again.
/// </summary>
public sealed record ListPageLinks(IReadOnlyList<Uri> Links, Uri? NextPage);
