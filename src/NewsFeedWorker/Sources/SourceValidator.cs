using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Css.Parser;
using Quartz;

namespace NewsFeedWorker.Sources;

/// <summary>Checks one source's values (the JSON shape is already checked); each problem names its key.</summary>
internal static partial class SourceValidator
{
    private static readonly CssSelectorParser SelectorParser = new();

    /// <summary>Ids that would collide with the combined, weather and category feed routes.</summary>
    private static readonly HashSet<string> ReservedIds = new(StringComparer.Ordinal) { "all", "weather", "category", "corrections", "topic" };

    public static IEnumerable<string> Validate(SourceDefinition source)
    {
        if (!IdShape().IsMatch(source.Id))
        {
            yield return Problem("id", source.Id, "ids are lower-case letters, digits, '-' and '_' (they appear in feed URLs)");
        }
        else if (ReservedIds.Contains(source.Id))
        {
            yield return Problem("id", source.Id, "this id is taken by a feed URL (/feeds/all, /feeds/weather, /feeds/category, /feeds/corrections, /feeds/topic); choose another");
        }

        if (string.IsNullOrWhiteSpace(source.Name))
        {
            yield return Problem("name", source.Name, "a name is required");
        }

        if (CronProblem(source.Schedule) is { } cron)
        {
            yield return Problem("schedule", source.Schedule, $"not a valid Quartz cron expression (seconds first, e.g. \"0 */15 * * * ?\"): {cron}");
        }

        if (FindTimeZone(source.TimeZone) is null)
        {
            yield return Problem("timeZone", source.TimeZone, "not a known time zone; use an IANA name such as \"Asia/Seoul\"");
        }

        if (source.Language is { } language && !IsKnownCulture(language))
        {
            yield return Problem("language", language, "not a known language tag; use a BCP 47 tag such as \"ko\" or \"ko-KR\"");
        }

        if (source.StartUrls.Count == 0)
        {
            yield return "key \"startUrls\": at least one URL is required.";
        }

        for (var i = 0; i < source.StartUrls.Count; i++)
        {
            var url = source.StartUrls[i];
            if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || string.IsNullOrEmpty(url.Host))
            {
                yield return Problem($"startUrls[{i}]", url.OriginalString, "not an absolute http:// or https:// URL");
            }
        }

        for (var i = 0; i < source.AllowedHosts.Count; i++)
        {
            if (Uri.CheckHostName(source.AllowedHosts[i]) == UriHostNameType.Unknown)
            {
                yield return Problem($"allowedHosts[{i}]", source.AllowedHosts[i], "not a host name (write \"www.example.com\", without scheme or path)");
            }
        }

        if (source.Encoding is { } encoding && !IsKnownEncoding(encoding))
        {
            yield return Problem("encoding", encoding, "not a known character set; use a name such as \"utf-8\" or \"euc-kr\"");
        }

        foreach (var problem in ValidateLinks(source.ArticleLinks)
            .Concat(ValidateSelectors("selectors", SelectorsOf(source.Selectors)))
            .Concat(ValidateSelectors("weather", SelectorsOf(source.Weather)))
            .Concat(ValidateRest(source)))
        {
            yield return problem;
        }
    }

    /// <summary>Null when valid, else the reason Quartz gives.</summary>
    public static string? CronProblem(string expression)
    {
        try
        {
            // A valid expression whose every time is past (a year gone by) would never run the source.
            return new CronExpression(expression).GetNextValidTimeAfter(TimeProvider.System.GetUtcNow()) is null
                ? "it never fires again"
                : null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    public static TimeZoneInfo? FindTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static IEnumerable<string> ValidateLinks(ArticleLinkRules links)
    {
        foreach (var problem in ValidateSelectors("articleLinks", [("selector", links.Selector), ("nextPage", links.NextPage)]))
        {
            yield return problem;
        }

        if (links.UrlPattern is { } pattern && RegexProblem(pattern) is { } reason)
        {
            yield return Problem("articleLinks.urlPattern", pattern, $"not a valid regular expression: {reason}");
        }

        if (links.MaxPages is < 1 or > 100)
        {
            yield return $"key \"articleLinks.maxPages\": {links.MaxPages} is out of range; use 1 to 100.";
        }

        if (links.MaxArticles is < 1 or > 1000)
        {
            yield return $"key \"articleLinks.maxArticles\": {links.MaxArticles} is out of range; use 1 to 1000.";
        }
    }

    private static IEnumerable<string> ValidateRest(SourceDefinition source)
    {
        if (source.Politeness.Delay is { } delay && delay < TimeSpan.Zero)
        {
            yield return $"key \"politeness.delay\": {delay} is negative.";
        }

        if (source.Politeness.MaxConcurrency is < 1 or > 16)
        {
            yield return $"key \"politeness.maxConcurrency\": {source.Politeness.MaxConcurrency} is out of range; use 1 to 16.";
        }

        if (source.RecheckWindow is { } window && window <= TimeSpan.Zero)
        {
            yield return $"key \"recheckWindow\": {window} must be positive.";
        }

        for (var i = 0; i < source.Categories.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(source.Categories[i]))
            {
                yield return $"key \"categories[{i}]\": a category must not be empty.";
            }
        }

        if (source.Exclude is { } exclude)
        {
            if (!ConditionsValidator.HasCondition(exclude))
            {
                yield return "key \"exclude\": give at least one of \"any\", \"all\" or \"regex\" (it would drop every item).";
            }

            foreach (var problem in ConditionsValidator.Validate(exclude, "exclude."))
            {
                yield return problem;
            }
        }

        for (var i = 0; i < source.DateFormats.Count; i++)
        {
            if (!IsDateFormat(source.DateFormats[i]))
            {
                yield return Problem($"dateFormats[{i}]", source.DateFormats[i], "not a .NET custom date format such as \"yyyy.MM.dd HH:mm\"");
            }
        }
    }

    private static IEnumerable<string> ValidateSelectors(string section, IEnumerable<(string Key, string? Selector)> selectors)
    {
        foreach (var (key, selector) in selectors)
        {
            if (selector is not null && (string.IsNullOrWhiteSpace(selector) || SelectorParser.ParseSelector(selector) is null))
            {
                yield return Problem($"{section}.{key}", selector, "not a CSS selector AngleSharp can parse");
            }
        }
    }

    private static IEnumerable<(string Key, string? Selector)> SelectorsOf(ArticleSelectors? s) => s is null ? [] :
    [
        ("title", s.Title), ("subtitle", s.Subtitle), ("author", s.Author), ("published", s.Published),
        ("updated", s.Updated), ("category", s.Category), ("summary", s.Summary), ("body", s.Body),
        ("credit", s.Credit), ("leadImage", s.LeadImage), ("teaserBlock", s.TeaserBlock),
        .. s.Remove.Select((r, i) => ($"remove[{i}]", (string?)r)),
    ];

    private static IEnumerable<(string Key, string? Selector)> SelectorsOf(WeatherSelectors? w) => w is null ? [] :
    [
        ("container", w.Container), ("item", w.Item), ("station", w.Station), ("condition", w.Condition),
        ("temperature", w.Temperature), ("date", w.Date), ("provider", w.Provider),
    ];

    private static string? RegexProblem(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    private static bool IsKnownEncoding(string name)
    {
        try
        {
            _ = Encoding.GetEncoding(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsKnownCulture(string tag)
    {
        try
        {
            _ = CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static bool IsDateFormat(string format)
    {
        if (string.IsNullOrWhiteSpace(format))
        {
            return false;
        }

        try
        {
            // A format that cannot format a known date cannot parse one either.
            _ = new DateTimeOffset(2025, 11, 8, 9, 30, 0, TimeSpan.FromHours(9)).ToString(format, CultureInfo.InvariantCulture);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Problem(string key, string? value, string reason) => $"key \"{key}\": \"{value}\" is {Lower(reason.TrimEnd('.'))}.";

    private static string Lower(string reason) => reason.StartsWith("not ", StringComparison.Ordinal) ? reason : $"invalid: {reason}";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex IdShape();
}
