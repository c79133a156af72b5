namespace NewsFeedWorker.Parsing;

/// <summary>
/// How the patterns that run on page text stay linear. They use <c>RegexOptions.NonBacktracking</c>; the few that need the
/// backtracking engine (lookarounds, back-references) carry this timeout, so a page crafted to make them backtrack fails
/// alone instead of holding a worker.
/// </summary>
internal static class RegexLimits
{
    /// <summary>
    /// A real match takes microseconds; the timeout also covers a pattern's first match, which compiles its code, and
    /// that took 0.4 s on a busy machine. Half the page's CPU budget (<see cref="ParsingOptions.MaxPageTime"/>).
    /// </summary>
    public const int MatchTimeoutMilliseconds = 1000;
}
