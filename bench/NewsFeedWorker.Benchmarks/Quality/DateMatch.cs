using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsFeedWorker.Benchmarks.Quality;

/// <summary>
/// The sets' date rule: the extracted date, as written or (when both carry an offset) moved to the truth's offset,
/// falls on the truth's calendar day.
/// </summary>
internal static partial class DateMatch
{
    public static bool SameDay(string? answer, string truth)
    {
        if (Parse(answer) is not { } got || Parse(truth) is not { } want)
        {
            return false;
        }

        var day = got.HasOffset && want.HasOffset ? got.Value.ToOffset(want.Value.Offset) : got.Value;
        return DateOnly.FromDateTime(day.DateTime) == DateOnly.FromDateTime(want.Value.DateTime);
    }

    private static (DateTimeOffset Value, bool HasOffset)? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var hasOffset = Offset().IsMatch(trimmed);
        var styles = hasOffset ? DateTimeStyles.AllowWhiteSpaces : DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, styles, out var value))
        {
            return null;
        }

        // Without an offset the date "as written" counts: read it back in UTC, where AssumeUniversal put it.
        return (hasOffset ? value : value.ToUniversalTime(), hasOffset);
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Offset();
}
