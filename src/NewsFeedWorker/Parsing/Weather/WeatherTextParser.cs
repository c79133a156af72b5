using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsFeedWorker.Parsing.Weather;

/// <summary>Reads readings out of widget text: <c>흐림동두천 14.3℃</c>, <c>울산 16.4℃</c>, <c>구름많고 비 대전 -2.5°C</c>.</summary>
internal static partial class WeatherTextParser
{
    /// <summary>Every reading in <paramref name="text"/>, or empty when the readings cover less than most of it (prose is not a widget).</summary>
    /// <param name="text">The item's text.</param>
    /// <param name="attributeCondition">A condition found in the item's markup (alt/title/icon class), used when the text has none.</param>
    public static IReadOnlyList<WeatherReading> Parse(string text, string? attributeCondition)
    {
        if (text.Contains("영하", StringComparison.Ordinal))
        {
            text = BelowZero().Replace(text, "-");
        }

        var matches = ReadingPattern().Matches(text);
        if (matches.Count == 0)
        {
            return [];
        }

        var readings = new List<WeatherReading>(matches.Count);
        var covered = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var match = matches[i];
            if (ToReading(match, attributeCondition) is not { } reading)
            {
                continue;
            }

            // "서울 16.4℃ 흐림": a sky after the temperature, where no other reading follows to claim it.
            var end = match.Index + match.Length;
            var after = text.AsSpan(end, (i + 1 < matches.Count ? matches[i + 1].Index : text.Length) - end).Trim();
            if (after.Length > 0 && KmaSky.IsCondition(after.ToString()))
            {
                reading = reading with { Condition = reading.Condition == attributeCondition ? after.ToString() : reading.Condition };
                covered += after.Length;
            }

            readings.Add(reading);
            covered += CountNonSpace(match.Value);
        }

        // A sentence such as "서울 기온은 16.4℃까지" must not pass for a widget item.
        return covered * 10 >= CountNonSpace(text) * 7 ? readings : [];
    }

    /// <summary>How many temperatures with a unit (<c>16.4℃</c>, <c>-3 °C</c>, <c>5도</c>) the text holds.</summary>
    public static int CountTemperatures(string text) => TemperatureWithUnit().Count(text);

    /// <summary>Where the last temperature with a unit starts in the text, or -1.</summary>
    public static int LastTemperatureAt(string text)
    {
        var at = -1;
        foreach (var match in TemperatureWithUnit().EnumerateMatches(text))
        {
            at = match.Index;
        }

        return at;
    }

    /// <summary>Cheap test for text that may hold a temperature: a degree sign, or a number followed by <c>도</c>.</summary>
    public static bool MayHoldTemperature(string text)
    {
        if (text.Contains('℃') || text.Contains('°'))
        {
            return true;
        }

        for (var i = text.IndexOf('도', StringComparison.Ordinal); i > 0; i = text.IndexOf('도', i + 1))
        {
            if (char.IsAsciiDigit(text[i - 1]) || (i > 1 && text[i - 1] == ' ' && char.IsAsciiDigit(text[i - 2])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a temperature such as <c>-3.2℃</c>, <c>−3.2 °C</c> or <c>16</c>.</summary>
    public static decimal? ParseTemperature(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = TemperaturePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var number = match.Groups["n"].Value;
        var negative = match.Groups["sign"].Success;
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? negative ? -value : value
            : null;
    }

    private static WeatherReading? ToReading(Match match, string? attributeCondition)
    {
        var temperature = ParseTemperature(match.Groups["t"].Value);
        if (temperature is null)
        {
            return null;
        }

        var words = match.Groups["words"].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        var last = words[^1];
        var before = string.Join(' ', words[..^1]);
        string station;
        string? condition;
        if (ConditionAfterStation(words) is { } after)
        {
            return new WeatherReading(after.Station, after.Condition, temperature.Value);
        }

        var glued = KmaSky.Prefix(last);
        if (glued is not null && glued.Length < last.Length && !KmaStations.IsKnown(last))
        {
            station = last[glued.Length..];
            var joined = before.Length > 0 ? before + " " + glued : glued;
            condition = KmaSky.IsCondition(joined) ? joined : glued;
        }
        else
        {
            station = last;
            condition = LongestConditionSuffix(words.AsSpan(0, words.Length - 1));
        }

        if (station.Length is 0 or > 12 || KmaSky.IsCondition(station) || (!KmaStations.IsKnown(station) && EndsWithParticle(station)))
        {
            return null;
        }

        return new WeatherReading(station, condition ?? attributeCondition, temperature.Value);
    }

    // "기온은 16.4℃" is prose; a station name does not end in a particle (the few that do, like 보은, are known stations).
    private static bool EndsWithParticle(string word) => word[^1] is '은' or '는' or '이' or '가' or '을' or '를' or '의' or '에' or '도' or '로' or '와' or '과';

    // "동두천 흐림 14.3℃": some widgets print the sky after the place.
    private static (string Station, string Condition)? ConditionAfterStation(string[] words)
    {
        for (var start = 1; start < words.Length; start++)
        {
            var candidate = string.Join(' ', words[start..]);
            if (KmaSky.IsCondition(candidate) && !KmaSky.IsCondition(words[start - 1]))
            {
                return (words[start - 1], candidate);
            }
        }

        return null;
    }

    private static string? LongestConditionSuffix(ReadOnlySpan<string> words)
    {
        for (var start = 0; start < words.Length; start++)
        {
            var candidate = string.Join(' ', words[start..].ToArray());
            if (KmaSky.IsCondition(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int CountNonSpace(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
            }
        }

        return count;
    }

    // Words (sky + station, Hangul with '/' and spaces), then a temperature with ℃, °C, ° or 도 (not 도로, 도시: no Hangul after).
    [GeneratedRegex(@"(?<words>[가-힣][가-힣/ \u00A0]{0,24}?)\s*(?<t>[-−–]?\s?\d{1,2}(?:\.\d{1,2})?)\s*(?:℃|°\s?C|°|도(?![가-힣]))", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex ReadingPattern();

    [GeneratedRegex(@"[-−–]?\d{1,2}(?:\.\d{1,2})?\s*(?:℃|°\s?C|°|도(?![가-힣]))", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex TemperatureWithUnit();

    // "영하 3도", "영하3.2℃": below zero in words.
    [GeneratedRegex(@"영하\s*(?=\d)", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex BelowZero();

    [GeneratedRegex(@"(?<sign>[-−–])?\s?(?<n>\d{1,2}(?:\.\d{1,2})?)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TemperaturePattern();
}
