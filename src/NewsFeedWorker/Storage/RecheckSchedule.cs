namespace NewsFeedWorker.Storage;

/// <summary>
/// When a known article inside its re-check window is fetched again, by its age (since first seen): every cycle in
/// the first hour, then hourly until it is 12 hours old, then every 4 hours until the window ends. A re-check is due
/// once 90% of the interval has passed since the last fetch or 304, so a cycle that starts a little early does not
/// push it back a whole cycle. Corrections come early; a source with many recent articles does not re-fetch all of
/// them every cycle.
/// </summary>
public static class RecheckSchedule
{
    public static TimeSpan IntervalFor(TimeSpan age) =>
        age < TimeSpan.FromHours(1) ? TimeSpan.Zero
        : age < TimeSpan.FromHours(12) ? TimeSpan.FromHours(1)
        : TimeSpan.FromHours(4);

    /// <param name="age">Since the article was first seen.</param>
    /// <param name="sinceLastCheck">Since its link was last fetched or answered 304; null if never.</param>
    /// <param name="window">The source's re-check window.</param>
    public static bool IsDue(TimeSpan age, TimeSpan? sinceLastCheck, TimeSpan window) =>
        age < window && (sinceLastCheck is not { } since || since >= IntervalFor(age) * 0.9);
}
