namespace NewsFeedWorker.Parsing.Dates;

/// <summary>
/// Many CMSs state a date for machines in UTC (<c>2023-11-09T05:30:59Z</c>) and show readers the same moment on the
/// publisher's clock without an offset (<c>2023-11-08 23:30:59</c>). The difference between the two is the publisher's
/// offset: the instant stays, but written at that offset it falls on the day the publisher dated the story.
/// </summary>
internal static class PublisherWallClock
{
    /// <summary>Offsets in use run from -12 to +14 hours, in quarter hours.</summary>
    private static readonly TimeSpan LargestOffset = TimeSpan.FromHours(14);

    private static readonly TimeSpan OffsetStep = TimeSpan.FromMinutes(15);

    // Two zones far apart: a text parses to the same instant in both only when it writes its own offset.
    private static readonly TimeZoneInfo West = TimeZoneInfo.CreateCustomTimeZone("wall-clock-west", TimeSpan.FromHours(-5), "west", "west");

    /// <summary>
    /// <paramref name="stated"/> at the publisher's offset when its text is written in UTC and one of the
    /// <paramref name="others"/> shows the same moment on a local clock to the second; else <paramref name="stated"/>.
    /// </summary>
    public static DateTimeOffset Localize(DateTimeOffset stated, string statedText, IEnumerable<string> others)
    {
        if (stated.Offset != TimeSpan.Zero || !WritesOffset(statedText) || stated.TimeOfDay == TimeSpan.Zero)
        {
            return stated;
        }

        foreach (var other in others)
        {
            if (KoreanDateParser.Parse(other, TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch) is not { } wall || WritesOffset(other)
                || wall.TimeOfDay == TimeSpan.Zero)
            {
                continue;
            }

            var offset = wall.DateTime - stated.UtcDateTime;
            if (offset != TimeSpan.Zero && offset.Duration() <= LargestOffset && offset.Ticks % OffsetStep.Ticks == 0)
            {
                return stated.ToOffset(offset);
            }
        }

        return stated;
    }

    private static bool WritesOffset(string text)
        => KoreanDateParser.Parse(text, TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch) is { } utc
            && KoreanDateParser.Parse(text, West, DateTimeOffset.UnixEpoch) is { } west
            && utc == west;
}
