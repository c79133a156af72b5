namespace NewsFeedWorker.Storage;

/// <summary>
/// What drift detection learned about one configured selector of a source (migration 9): the article pages it filled
/// and the pages of the runs where it filled any, for the selector value it was learned with, and its drift warning
/// while one is in force. The list's links are the field <c>articleLinks</c>, <see cref="Filled"/> then being the most
/// links a run's list pages gave and <see cref="Selector"/> empty when the source has no link selector.
/// </summary>
public sealed record LearnedSelector(string Field, string Selector, int Filled, int Pages)
{
    /// <summary>The warning line in force (<c>title: "h3.heading" matched nothing on 5 of 5 pages</c>), null while the selector is healthy.</summary>
    public string? Warning { get; init; }

    public DateTimeOffset? WarnedSince { get; init; }
}
