using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsFeedWorker.Parsing.Dates;

/// <summary>Day-first and month-first dates of Western pages: <c>05/29/2007 09:49</c>, <c>29.05.2007</c>, <c>March 5, 2015 2:30 PM</c>, <c>5 March 2015</c>.</summary>
internal static partial class WesternDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The local (zone-less) time the text names, or null.</summary>
    public static (int Year, int Month, int Day, int Hour, int Minute, int Second)? Parse(string text)
    {
        var match = MonthName().Match(text);
        if (match.Success)
        {
            var month = Array.IndexOf(Months, match.Groups["mon"].Value.ToLowerInvariant()[..3]) + 1;
            var day = Int(match, match.Groups["day1"].Success ? "day1" : "day2");
            return (Int(match, "year"), month, day, Hour(match), IntOr(match, "min"), IntOr(match, "sec"));
        }

        match = Numeric().Match(text);
        if (!match.Success)
        {
            return null;
        }

        // Slashes are month-first (US), dots day-first (Europe); a first number above 12 can only be a day.
        var first = Int(match, "a");
        var second = Int(match, "b");
        var monthFirst = match.Groups["sep"].Value == "/" ? first <= 12 : second > 12;
        return (Int(match, "year"), monthFirst ? first : second, monthFirst ? second : first, Hour(match), IntOr(match, "min"), IntOr(match, "sec"));
    }

    private static int Hour(Match match)
    {
        var hour = IntOr(match, "hour");
        var meridiem = match.Groups["ampm"].Value.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();
        return meridiem switch
        {
            "pm" when hour < 12 => hour + 12,
            "am" when hour == 12 => 0,
            _ => hour,
        };
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private static int IntOr(Match match, string group) => match.Groups[group].Success ? Int(match, group) : 0;

    private const string Time = @"(?:,?\s+(?:at\s+)?(?<hour>\d{1,2}):(?<min>\d{2})(?::(?<sec>\d{2}))?\s*(?<ampm>[ap]\.?m\.?)?)?";

    [GeneratedRegex(@"(?:(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?<day1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})|(?<day2>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?<year>\d{4}))" + Time, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthName();

    [GeneratedRegex(@"(?<!\d)(?<a>\d{1,2})(?<sep>[/.])(?<b>\d{1,2})\k<sep>(?<year>(?:19|20)\d{2})(?!\d)" + Time, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();
}
