using NewsFeedWorker.Sources;
using Quartz;

namespace NewsFeedWorker.Publishing;

/// <summary>Reads a source's Quartz cron schedule for the feeds: the polling interval (RSS ttl) and the next run (Cache-Control).</summary>
public static class SourceSchedule
{
    /// <summary>Used when a schedule cannot be read (the sources loader reports the error itself).</summary>
    public static readonly TimeSpan Fallback = TimeSpan.FromMinutes(15);

    // Intervals are measured from a fixed instant, not from now, so a feed's ttl (part of its bytes and ETag)
    // does not drift with the time of day it happens to be rendered at.
    private static readonly DateTimeOffset Reference = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The shortest gap between consecutive runs (over the first few dozen runs from a fixed instant).</summary>
    public static TimeSpan Interval(SourceDefinition source)
    {
        if (Parse(source) is not { } cron)
        {
            return Fallback;
        }

        var shortest = TimeSpan.MaxValue;
        var previous = cron.GetNextValidTimeAfter(Reference);
        for (var i = 0; i < 48 && previous is { } p; i++)
        {
            var next = cron.GetNextValidTimeAfter(p);
            if (next is { } n && n - p < shortest)
            {
                shortest = n - p;
            }

            previous = next;
        }

        return shortest == TimeSpan.MaxValue ? Fallback : shortest;
    }

    public static DateTimeOffset? NextRun(SourceDefinition source, DateTimeOffset now) => Parse(source)?.GetNextValidTimeAfter(now);

    /// <summary>The source's cron in its time zone; null when the schedule cannot be read.</summary>
    public static CronExpression? Parse(SourceDefinition source)
    {
        if (!CronExpression.TryParse(source.Schedule, out var cron) || cron is null)
        {
            return null;
        }

        return cron.WithTimeZone(TimeZoneInfo.TryFindSystemTimeZoneById(source.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc);
    }
}
