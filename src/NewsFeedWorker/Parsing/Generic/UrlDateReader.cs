using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// The date many CMSs put in an article's path: <c>/2024/05/03/slug</c>, <c>/2024-05-03-slug</c>, <c>/news/20240503/slug</c>.
/// Only the path counts (a query's numbers are ids and cache-busters), and only a real calendar day.
/// </summary>
internal static partial class UrlDateReader
{
    /// <summary>The day as <c>yyyy-MM-dd</c>, or null.</summary>
    public static string? Read(Uri url)
    {
        var path = url.AbsolutePath;
        var match = Separated().Match(path);
        if (!match.Success)
        {
            match = Compact().Match(path);
        }

        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    [GeneratedRegex(@"(?<![\d])(?<y>(?:199|20[0-9])\d)[/\-_.](?<m>[01]?\d)[/\-_.](?<d>[0-3]?\d)(?![\d])", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Separated();

    /// <summary>Eight digits standing alone between separators: <c>/20240503/</c>, <c>-20240503.html</c>.</summary>
    [GeneratedRegex(@"(?<=[/\-_.])(?<y>(?:199|20[0-9])\d)(?<m>[01]\d)(?<d>[0-3]\d)(?=[/\-_.]|$)", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Compact();
}
