using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsFeedWorker.Parsing.Dates;

/// <summary>
/// A page's date header written without a year (<c>11.08 (토)</c>, <c>11월 8일 토요일</c>): the page states today's date, so
/// the year is the one that puts the day nearest the fetch without passing it (a day of slack for clocks and zones).
/// Only a whole text of month, day and weekday counts, so a score or a version number is never read as a date.
/// </summary>
internal static partial class YearlessDate
{
    private const int MaxTextLength = 30;

    public static DateOnly? Parse(string? text, TimeZoneInfo zone, DateTimeOffset fetchedAt)
    {
        if (text is null || text.Length > MaxTextLength * 2)
        {
            return null;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > 31)
        {
            return null;
        }

        var latest = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fetchedAt, zone).DateTime).AddDays(1);

        // Going back year by year finds a 29 February too (at most four years back).
        for (var year = latest.Year; year > latest.Year - 5; year--)
        {
            if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) is var date && date <= latest)
            {
                return date;
            }
        }

        return null;
    }

    // "11.08 (토)" · "11/8(토)" · "11-08 (토)" · "11월 8일 토요일" · "11월 8일 (토)"
    [GeneratedRegex(@"^(?<m>\d{1,2})\s*(?:[./\-]|월)\s*(?<d>\d{1,2})\s*(?:일|\.)?\s*(?:\(\s*[일월화수목금토]\s*\)|[일월화수목금토]요일)$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Pattern();
}
