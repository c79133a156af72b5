using System.Text.RegularExpressions;

namespace NewsFeedWorker.Parsing.Weather;

/// <summary>
/// The sky a weather icon stands for when its file name or sprite class is all a widget gives (<c>small_icon_04.png</c>,
/// <c>NB03.png</c>, <c>wicon-04</c>).
/// </summary>
/// <remarks>
/// Widgets that copy KMA data number their icons as KMA does: the sky code of the forecast data (<c>SKY</c> 1 맑음,
/// 3 구름많음, 4 흐림, and 2 구름조금 in the older 동네예보), which is also the number of KMA's own web icons
/// (<c>DB01</c>–<c>DB04</c>, <c>NB01</c>–<c>NB04</c>); the same icon set numbers precipitation 09 비, 11 비/눈,
/// 12 눈 and 13 눈/비. Any other number is not guessed at: the reading keeps no sky.
/// </remarks>
internal static partial class KmaIcons
{
    private static readonly Dictionary<int, string> Sky = new()
    {
        [1] = "맑음",
        [2] = "구름조금",
        [3] = "구름많음",
        [4] = "흐림",
        [9] = "비",
        [11] = "비/눈",
        [12] = "눈",
        [13] = "눈/비",
    };

    /// <summary>The sky of an icon whose file name ends in its number, or null when the name says nothing known.</summary>
    public static string? FromFileName(string? src)
    {
        if (string.IsNullOrEmpty(src))
        {
            return null;
        }

        var path = src.AsSpan();
        var query = path.IndexOfAny('?', '#');
        if (query >= 0)
        {
            path = path[..query];
        }

        var name = path[(path.LastIndexOf('/') + 1)..].ToString();
        var match = NumberedIcon().Match(name);
        var weatherPath = src.Contains("weather", StringComparison.OrdinalIgnoreCase) || src.Contains("/sky", StringComparison.OrdinalIgnoreCase);
        if (!match.Success || (!match.Groups["word"].Success && !weatherPath))
        {
            return null;
        }

        return Sky.GetValueOrDefault(int.Parse(match.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The sky of a sprite icon whose class ends in its number (<c>wicon-04</c>, <c>ico_sky03</c>), or null.</summary>
    public static string? FromClassList(string? classes)
    {
        if (string.IsNullOrWhiteSpace(classes))
        {
            return null;
        }

        foreach (var token in classes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (NumberedClass().Match(token) is { Success: true } match
                && Sky.TryGetValue(int.Parse(match.Groups["n"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture), out var sky))
            {
                return sky;
            }
        }

        return null;
    }

    // Not a bare "w-4": that is a width in utility CSS.
    [GeneratedRegex(@"^(?:[a-z]+[_\-])?(?:icon|ico|sky|weather|wthr|wt|wicon|wic|wi|nb|db)[_\-]?(?<n>\d{1,2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NumberedClass();

    // A bare number ("04.png") counts only in a weather folder; "bullet_01.gif" is not an icon of the sky.
    [GeneratedRegex(@"^(?:(?:.*[_\-])?(?<word>icon|ico|sky|weather|wthr|wt|nb|db|wb|w)[_\-]?|.*[_\-]|)(?<n>\d{1,2})\.(?:png|gif|jpe?g|svg|webp)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NumberedIcon();
}
