namespace NewsFeedWorker.Sources;

/// <summary>
/// Keyword and regular-expression conditions over an article's fields: a topic's rule, or a source's <c>exclude</c>.
/// Keywords match case-insensitively and, in Hangul, at the start of a word whatever follows (particles).
/// </summary>
public record MatchConditions
{
    /// <summary>At least one of these must occur (when any are given).</summary>
    public IReadOnlyList<string> Any { get; init; } = [];

    /// <summary>Every one of these must occur.</summary>
    public IReadOnlyList<string> All { get; init; } = [];

    /// <summary>None of these may occur.</summary>
    public IReadOnlyList<string> None { get; init; } = [];

    /// <summary>At least one of these regular expressions must match (when any are given).</summary>
    public IReadOnlyList<string> Regex { get; init; } = [];

    /// <summary>Fields the conditions look in (<see cref="MatchFields.Names"/>); empty means every field.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}
