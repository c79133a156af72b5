using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Suggesting;

/// <summary>
/// The .NET custom format of one date text, per reading of its numbers (<c>25.11.08</c> may be year-first, day-first or
/// month-first): numbers become <c>yyyy</c>/<c>MM</c>/<c>dd</c>/<c>HH</c>/<c>mm</c>, month and day names <c>MMM</c>/<c>ddd</c>,
/// 오전/오후 and AM/PM <c>tt</c>, every other word a quoted literal (<c>'Uhr'</c>, an ordinal's <c>'th'</c>).
/// </summary>
internal static partial class DatePattern
{
    public const string YearFirst = "year-month-day";
    public const string DayFirst = "day-month-year";
    public const string MonthFirst = "month-day-year";

    private static readonly CultureInfo[] Cultures = [CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("ko-KR")];

    /// <summary>The text's format under each reading of its numbers that parses it, keyed by the reading.</summary>
    public static Dictionary<string, string> Formats(string text)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text.Length is 0 or > 60 || text.IndexOfAny(['\'', '"', '\\', '%']) >= 0)
        {
            return found;
        }

        var tokens = Tokens().Matches(text).Select(m => m.Value).ToList();
        var numbers = Enumerable.Range(0, tokens.Count).Where(i => char.IsAsciiDigit(tokens[i][0])).ToList();
        var time = TimeTokens(tokens, numbers);
        var dateNumbers = numbers.Where(i => !time.ContainsKey(i)).ToList();
        var monthName = Enumerable.Range(0, tokens.Count).FirstOrDefault(i => MonthNameFormat(tokens[i]) is not null, -1);
        foreach (var (order, roles) in Orders(tokens, dateNumbers, monthName))
        {
            var format = Compose(tokens, roles, time);
            if (format is not null && Read(text, [format]) is not null)
            {
                found[order] = format;
            }
        }

        return found;
    }

    /// <summary>The local time <paramref name="text"/> names under the first of <paramref name="formats"/> that reads all of it, as the parser tries them.</summary>
    public static DateTime? Read(string text, IReadOnlyList<string> formats)
    {
        foreach (var format in formats)
        {
            foreach (var culture in Cultures)
            {
                if (DateTime.TryParseExact(text, format, culture, DateTimeStyles.AllowWhiteSpaces, out var local))
                {
                    return local;
                }
            }
        }

        return null;
    }

    /// <summary>Single-letter widths (<c>d</c>, <c>M</c>, <c>H</c>), which read one or two digits: one format for <c>3:04</c> and <c>12:30</c>.</summary>
    public static string Relaxed(string format) => format.All(char.IsAsciiLetter) ? format : Widths().Replace(format, m => m.Value[..1]);

    /// <summary>Hour, minute, second: numbers joined by colons; with 오전/오후 or AM/PM in the text the hour is 12-hour.</summary>
    private static Dictionary<int, char> TimeTokens(List<string> tokens, List<int> numbers)
    {
        var time = new Dictionary<int, char>();
        foreach (var i in numbers)
        {
            if (i + 2 < tokens.Count && tokens[i + 1] == ":" && char.IsAsciiDigit(tokens[i + 2][0]) && !time.ContainsKey(i))
            {
                var twelve = tokens.Any(t => Meridiem(t));
                time[i] = twelve ? 'h' : 'H';
                time[i + 2] = 'm';
                if (i + 4 < tokens.Count && tokens[i + 3] == ":" && char.IsAsciiDigit(tokens[i + 4][0]))
                {
                    time[i + 4] = 's';
                }

                break;
            }
        }

        return time;
    }

    /// <summary>The readings of the date's numbers: year, month, day by position (letters y, M, d), or a compact <c>yyyyMMddHHmm</c>.</summary>
    private static IEnumerable<(string Order, Dictionary<int, string> Roles)> Orders(List<string> tokens, List<int> numbers, int monthName)
    {
        if (numbers.Count == 1 && monthName < 0 && tokens[numbers[0]] is { Length: 8 or 12 or 14 } compact && compact.StartsWith('2'))
        {
            yield return (YearFirst, new Dictionary<int, string> { [numbers[0]] = "yyyyMMddHHmmss"[..compact.Length] });
            yield break;
        }

        if (monthName >= 0 && numbers.Count == 2)
        {
            // "Nov 8th 2025", "8. November 2025": the four-digit number is the year, the other the day.
            var year = numbers.FirstOrDefault(i => tokens[i].Length == 4, -1);
            var day = numbers.FirstOrDefault(i => i != year && tokens[i].Length <= 2, -1);
            if (year >= 0 && day >= 0)
            {
                yield return (monthName < day ? MonthFirst : DayFirst, new Dictionary<int, string> { [year] = "yyyy", [day] = Width("d", tokens[day]), [monthName] = MonthNameFormat(tokens[monthName])! });
            }

            yield break;
        }

        if (numbers.Count != 3 || numbers.Any(i => tokens[i].Length is not (1 or 2 or 4)))
        {
            yield break;
        }

        var (a, b, c) = (numbers[0], numbers[1], numbers[2]);
        string Year(int i) => tokens[i].Length == 4 ? "yyyy" : "yy";
        if (tokens[a].Length != 4 && tokens[b].Length != 4)
        {
            foreach (var order in new[] { (DayFirst, a, b), (MonthFirst, b, a) })
            {
                yield return (order.Item1, new Dictionary<int, string> { [order.Item2] = Width("d", tokens[order.Item2]), [order.Item3] = Width("M", tokens[order.Item3]), [c] = Year(c) });
            }
        }

        if (tokens[b].Length != 4 && tokens[c].Length != 4)
        {
            yield return (YearFirst, new Dictionary<int, string> { [a] = Year(a), [b] = Width("M", tokens[b]), [c] = Width("d", tokens[c]) });
        }
    }

    private static string? Compose(List<string> tokens, Dictionary<int, string> roles, Dictionary<int, char> time)
    {
        var format = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (roles.TryGetValue(i, out var role))
            {
                format.Append(role);
            }
            else if (time.TryGetValue(i, out var letter))
            {
                format.Append(letter is 'm' or 's' ? new string(letter, 2) : Width(letter.ToString(), token));
            }
            else if (char.IsAsciiDigit(token[0]))
            {
                return null; // a number with no part in the date
            }
            else if (char.IsWhiteSpace(token[0]))
            {
                format.Append(' ');
            }
            else if (Meridiem(token))
            {
                format.Append("tt");
            }
            else if (DayName(token) is { } day && !char.IsAsciiDigit(tokens[i - 1 < 0 ? 0 : i - 1][0]))
            {
                format.Append(day);
            }
            else if (token == ":" && time.Count > 0)
            {
                format.Append(':');
            }
            else if (token.Length == 1 && ".,-()[]|·".Contains(token[0], StringComparison.Ordinal))
            {
                format.Append(token);
            }
            else
            {
                format.Append('\'').Append(token).Append('\'');
            }
        }

        return format.ToString();
    }

    private static string Width(string letter, string digits) => digits.Length == 2 ? letter + letter : letter;

    private static bool Meridiem(string token) => token is "오전" or "오후" or "AM" or "PM" or "am" or "pm";

    private static string? MonthNameFormat(string token)
    {
        var names = CultureInfo.InvariantCulture.DateTimeFormat;
        return names.MonthNames.Contains(token, StringComparer.OrdinalIgnoreCase) && token.Length > 3 ? "MMMM"
            : names.AbbreviatedMonthNames.Contains(token, StringComparer.OrdinalIgnoreCase) && token.Length == 3 ? "MMM"
            : null;
    }

    /// <summary>Weekday names in either culture the parser reads with (<c>Sat</c>, <c>토</c>, <c>토요일</c>); ParseExact checks them against the date.</summary>
    private static string? DayName(string token)
    {
        foreach (var culture in Cultures)
        {
            if (culture.DateTimeFormat.AbbreviatedDayNames.Contains(token, StringComparer.OrdinalIgnoreCase))
            {
                return "ddd";
            }

            if (culture.DateTimeFormat.DayNames.Contains(token, StringComparer.OrdinalIgnoreCase))
            {
                return "dddd";
            }
        }

        return null;
    }

    [GeneratedRegex(@"\d+|\p{L}+|\s+|.", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Tokens();

    [GeneratedRegex("(?<![dMHh])(dd|MM|HH|hh)(?![dMHh])", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Widths();
}
