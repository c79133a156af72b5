using NewsFeedWorker.Parsing.Dates;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Whether a text holds a date that could be a publication date, for readers that must decide before the parse stage.</summary>
internal static class DateTextCheck
{
    /// <summary>
    /// True when the text names a calendar date from 1995 on. Relative forms ("3시간 전") resolve against the epoch here and
    /// so do not count: a finder looking for a written date must not stop at one.
    /// </summary>
    public static bool HasDate(string? text)
        => text is { Length: >= 6 } && KoreanDateParser.Parse(text, TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch) is { } date
            && DatePlausibility.IsAfterEarliest(date);
}
