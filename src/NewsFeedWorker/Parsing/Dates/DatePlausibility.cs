namespace NewsFeedWorker.Parsing.Dates;

/// <summary>
/// Whether a date found on a page can be its publication or update time: news on the web starts in the mid-1990s, and
/// nothing is published after it was fetched (a day of slack covers clocks and zones). Anything else is a copyright
/// year, an event date, an expiry time or a template's placeholder.
/// </summary>
internal static class DatePlausibility
{
    public static readonly DateTimeOffset Earliest = new(1995, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsPlausible(DateTimeOffset date, DateTimeOffset fetchedAt)
        => date >= Earliest && date <= fetchedAt.AddDays(1);

    /// <summary>The lower bound alone, for finders that do not know the fetch time.</summary>
    public static bool IsAfterEarliest(DateTimeOffset date) => date >= Earliest;
}
