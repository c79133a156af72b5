using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsFeedWorker.Parsing.Dates;

/// <summary>
/// Day-first and month-first dates of Western pages: <c>05/29/2007 09:49</c>, <c>29.05.2007</c>, <c>4. 2. 2022</c>, <c>March 5, 2015 2:30 PM</c>,
/// <c>5 March 2015</c>, and the same with month names in other European languages (<c>2 de abril de 2020</c>, <c>3. März 2024</c>).
/// </summary>
internal static partial class WesternDates
{
    private const string Time = @"(?:,?\s+(?:at\s+|um\s+|à\s+|a\s+las\s+|alle\s+|-\s+|/\s+|\|\s+)?(?<hour>\d{1,2})[:h](?<min>\d{2})(?::(?<sec>\d{2}))?\s*(?<ampm>[ap]\.?m\.?)?)?";

    // "April 2, 2020" · "2 April 2020" · "2nd of April, 2020" · "2 de abril de 2020" · "3. März 2024" · "12 settembre 2019"
    private static readonly Regex MonthName = new(
        @"(?<![\p{L}\d])(?:(?<mon>" + MonthNames.Alternation + @")\.?\s+(?<day1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})"
        + @"|(?<day2>\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?\s*(?:of\s+|de\s+)?(?<mon>" + MonthNames.Alternation + @")\.?,?\s+(?:de\s+|del\s+)?(?<year>\d{4}))(?!\d)" + Time,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
        TimeSpan.FromMilliseconds(RegexLimits.MatchTimeoutMilliseconds));

    // The compiled pattern's code is built on its first match, inside the timeout: built here instead, with the type.
    static WesternDates() => MonthName.IsMatch("April 2, 2020");

    /// <summary>The local (zone-less) time the text names, or null.</summary>
    public static (int Year, int Month, int Day, int Hour, int Minute, int Second)? Parse(string text)
    {
        var match = MonthName.Match(text);
        if (match.Success)
        {
            var month = MonthNames.Number(match.Groups["mon"].Value);
            var day = Int(match, match.Groups["day1"].Success ? "day1" : "day2");
            return (Int(match, "year"), month, day, Hour(match), IntOr(match, "min"), IntOr(match, "sec"));
        }

        match = Numeric().Match(text);
        if (!match.Success)
        {
            // "Do 25.04.24 | 14:07": a two-digit year, only with two-digit day and month so version numbers stay out.
            match = ShortYear().Match(text);
            if (!match.Success)
            {
                return null;
            }
        }

        // Slashes are month-first (US), dots and dashes day-first (Europe); a first number above 12 can only be a day.
        var first = Int(match, "a");
        var second = Int(match, "b");
        var monthFirst = match.Groups["sep"].Value == "/" ? first <= 12 : second > 12;
        var year = Int(match, "year");
        return (year < 100 ? 2000 + year : year, monthFirst ? first : second, monthFirst ? second : first, Hour(match), IntOr(match, "min"), IntOr(match, "sec"));
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

    // German style puts a (thin) space after each dot: "4. 2. 2022".
    [GeneratedRegex(@"(?<!\d)(?<a>\d{1,2})(?<sep>[/.\-])(?:(?<=\.)\s{1,2})?(?<b>\d{1,2})\k<sep>(?:(?<=\.)\s{1,2})?(?<year>(?:19|20)\d{2})(?!\d)" + Time, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<![\d.])(?<a>\d{2})(?<sep>[/.])(?<b>\d{2})\k<sep>(?<year>\d{2})(?![\d.])" + Time, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex ShortYear();
}
