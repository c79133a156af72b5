using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsFeedWorker.Parsing.Dates;

/// <summary>Reads the dates Korean news pages print (and ISO 8601, RFC 822, Western and CJK forms, relative forms); a date without an offset is read in the source's zone.</summary>
public static partial class KoreanDateParser
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");

    // Every page asks for its source's zone; the system lookup takes a lock and may read tzdata, so ask it once per id.
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);
    private const int MaxCachedZones = 256;

    /// <summary>Parses the first date in <paramref name="text"/>; null when it holds none (never "now").</summary>
    /// <param name="text">Raw text such as <c>입력 2025.11.08 14:30</c> or an ISO timestamp.</param>
    /// <param name="zone">The source's zone: dates written without an offset are read in it; a written offset is kept as
    /// written (the day the page shows stays that day, and the instant is the same either way).</param>
    /// <param name="fetchedAt">Anchor for relative forms such as <c>3시간 전</c> and <c>어제</c>.</param>
    /// <param name="formats">Per-source .NET format strings, tried first against the whole trimmed text.</param>
    public static DateTimeOffset? Parse(string? text, TimeZoneInfo zone, DateTimeOffset fetchedAt, IReadOnlyList<string>? formats = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > 400)
        {
            trimmed = trimmed[..400];
        }

        return ParseWithFormats(trimmed, zone, formats)
            ?? ParseIso(trimmed, zone)
            ?? ParseRfc822(trimmed, zone)
            ?? ParseNumeric(trimmed, zone)
            ?? ParseWestern(trimmed, zone)
            ?? ParseRelative(trimmed, zone, fetchedAt);
    }

    /// <summary>Looks a zone up by IANA id (or Windows id); unknown ids fall back to Asia/Seoul, then UTC. Cached per id.</summary>
    public static TimeZoneInfo FindZone(string? id)
    {
        var key = id ?? "";
        if (Zones.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var zone = LookUpZone(id);
        // Ids come from the operator's sources file, so the set is small; the bound only guards against a runaway caller.
        return Zones.Count < MaxCachedZones ? Zones.GetOrAdd(key, zone) : zone;
    }

    internal static bool IsZoneCached(string id) => Zones.ContainsKey(id);

    private static TimeZoneInfo LookUpZone(string? id)
    {
        foreach (var candidate in new[] { id, "Asia/Seoul" })
        {
            if (!string.IsNullOrWhiteSpace(candidate) && TimeZoneInfo.TryFindSystemTimeZoneById(candidate, out var zone))
            {
                return zone;
            }
        }

        return TimeZoneInfo.Utc;
    }

    private static DateTimeOffset? ParseWithFormats(string text, TimeZoneInfo zone, IReadOnlyList<string>? formats)
    {
        if (formats is null || formats.Count == 0)
        {
            return null;
        }

        if (ParseExact(text, zone, formats) is { } whole)
        {
            return whole;
        }

        // A byline row ("등록 202506251432 | 조회 12"): try the formats on what follows each date label, up to a separator.
        foreach (Match label in DateLabelPattern().Matches(text))
        {
            var rest = text.AsSpan(label.Index + label.Length);
            var end = rest.IndexOfAny('|', '·', ']');
            var candidate = (end < 0 ? rest : rest[..end]).Trim().TrimEnd(')').ToString();
            if (candidate.Length > 0 && ParseExact(candidate, zone, formats) is { } labelled)
            {
                return labelled;
            }
        }

        return null;
    }

    private static DateTimeOffset? ParseExact(string text, TimeZoneInfo zone, IReadOnlyList<string> formats)
    {
        foreach (var format in formats)
        {
            var hasOffset = format.Contains('z', StringComparison.Ordinal) || format.Contains('K', StringComparison.Ordinal);
            foreach (var culture in new[] { CultureInfo.InvariantCulture, Korean })
            {
                if (hasOffset && DateTimeOffset.TryParseExact(text, format, culture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
                {
                    return withOffset;
                }

                if (!hasOffset && DateTime.TryParseExact(text, format, culture, DateTimeStyles.AllowWhiteSpaces, out var local))
                {
                    return InZone(local, zone);
                }
            }
        }

        return null;
    }

    private static DateTimeOffset? ParseIso(string text, TimeZoneInfo zone)
    {
        var match = IsoPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var value = match.Value;
        if (match.Groups["offset"].Success && match.Groups["offset"].Value is { Length: 5 } compact)
        {
            // "+0900" → "+09:00": the framework only reads offsets with a colon.
            value = value[..^5] + compact[..3] + ":" + compact[3..];
        }

        if (match.Groups["offset"].Success)
        {
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) ? withOffset : null;
        }

        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? InZone(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone)
            : null;
    }

    private static DateTimeOffset? ParseRfc822(string text, TimeZoneInfo zone)
    {
        var match = Rfc822Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var month = Array.IndexOf(MonthAbbreviations, match.Groups["mon"].Value.ToLowerInvariant()[..3]) + 1;
        var local = Build(Int(match, "year"), month, Int(match, "day"), Int(match, "hour"), Int(match, "min"), IntOr(match, "sec", 0));
        if (local is null)
        {
            return null;
        }

        var zoneText = match.Groups["zone"].Value.ToUpperInvariant();
        TimeSpan? offset = zoneText switch
        {
            "" => null,
            "GMT" or "UT" or "UTC" or "Z" => TimeSpan.Zero,
            "KST" => TimeSpan.FromHours(9),
            "EST" => TimeSpan.FromHours(-5),
            "EDT" => TimeSpan.FromHours(-4),
            "PST" => TimeSpan.FromHours(-8),
            "PDT" => TimeSpan.FromHours(-7),
            _ when zoneText.Length == 5 => ParseNumericOffset(zoneText),
            _ => null,
        };

        return offset is { } known
            ? new DateTimeOffset(local.Value, known)
            : InZone(local.Value, zone);
    }

    private static DateTimeOffset? ParseNumeric(string text, TimeZoneInfo zone)
    {
        var match = NumericPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var hour = IntOr(match, "hour", 0);
        var meridiem = match.Groups["ampm"].Success ? match.Groups["ampm"].Value : match.Groups["ampm2"].Value;
        if (meridiem is "오후" or "PM" or "pm" && hour < 12)
        {
            hour += 12;
        }
        else if (meridiem is "오전" or "AM" or "am" && hour == 12)
        {
            hour = 0;
        }

        var local = Build(Int(match, "year"), Int(match, "month"), Int(match, "day"), hour, IntOr(match, "min", 0), IntOr(match, "sec", 0));
        return local is null ? null : InZone(local.Value, zone);
    }

    private static DateTimeOffset? ParseWestern(string text, TimeZoneInfo zone)
    {
        if (WesternDates.Parse(text) is not { } parts)
        {
            return null;
        }

        var local = Build(parts.Year, parts.Month, parts.Day, parts.Hour, parts.Minute, parts.Second);
        return local is null ? null : InZone(local.Value, zone);
    }

    private static DateTimeOffset? ParseRelative(string text, TimeZoneInfo zone, DateTimeOffset fetchedAt)
    {
        var now = TimeZoneInfo.ConvertTime(fetchedAt, zone);
        if (text.StartsWith("방금", StringComparison.Ordinal))
        {
            return now;
        }

        var ago = AgoPattern().Match(text);
        if (ago.Success)
        {
            var amount = Int(ago, "n");
            var resolved = ago.Groups["unit"].Value switch
            {
                "초" => now.AddSeconds(-amount),
                "분" => now.AddMinutes(-amount),
                "시간" => now.AddHours(-amount),
                "일" => now.AddDays(-amount),
                "주" => now.AddDays(-7 * amount),
                "개월" or "달" => now.AddMonths(-amount),
                _ => now.AddYears(-amount),
            };
            return resolved.Year < 1970 ? null : resolved;
        }

        var day = DayWordPattern().Match(text);
        if (!day.Success)
        {
            return null;
        }

        var daysBack = day.Groups["word"].Value switch
        {
            "오늘" => 0,
            "어제" => 1,
            _ => 2,
        };
        var date = now.Date.AddDays(-daysBack);
        var hour = IntOr(day, "hour", 0);
        if (day.Groups["ampm"].Value == "오후" && hour < 12)
        {
            hour += 12;
        }

        var local = Build(date.Year, date.Month, date.Day, hour, IntOr(day, "min", 0), 0);
        return local is null ? null : InZone(local.Value, zone);
    }

    private static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private static DateTime? Build(int year, int month, int day, int hour, int minute, int second)
    {
        if (year is < 1970 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return null;
        }

        return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
    }

    private static TimeSpan? ParseNumericOffset(string text)
    {
        if (!int.TryParse(text.AsSpan(1, 2), out var hours) || !int.TryParse(text.AsSpan(3, 2), out var minutes))
        {
            return null;
        }

        var offset = new TimeSpan(hours, minutes, 0);
        return text[0] == '-' ? -offset : offset;
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private static int IntOr(Match match, string group, int fallback) =>
        match.Groups[group].Success ? Int(match, group) : fallback;

    private static readonly string[] MonthAbbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?<offset>Z|[+-]\d{2}:?\d{2})?", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"(?:[A-Za-z]{3},?\s+)?(?<day>\d{1,2})\s+(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?<year>\d{4})\s+(?<hour>\d{1,2}):(?<min>\d{2})(?::(?<sec>\d{2}))?\s*(?<zone>[+-]\d{4}|GMT|UTC|UT|Z|KST|EST|EDT|PST|PDT)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Rfc822Pattern();

    // 2025.11.08 (토) 14:30 · 2025-11-08 오후 2:30 · 2025년 11월 8일 14시 30분 · 2025/11/08 · 2025-11-08 14:30:05 · 2025年11月8日
    [GeneratedRegex(@"(?<year>(?:19|20|21)\d{2})\s*(?:[.\-/]|년|年)\s*(?<month>\d{1,2})\s*(?:[.\-/]|월|月)\s*(?<day>\d{1,2})(?!\d)\s*(?:일|日|\.)?\s*(?:\(\s*[일월화수목금토]\s*\)|[일월화수목금토]요일)?\s*(?:(?<ampm>오전|오후|AM|PM|am|pm)\s*)?(?:(?<hour>\d{1,2})\s*(?::|시)\s*(?:(?<min>\d{1,2})\s*분?)?(?::(?<sec>\d{2}))?(?:\s*(?<ampm2>AM|PM|am|pm))?)?", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex NumericPattern();

    // The labels Korean (and English) bylines put before a date: 입력, 등록, 승인, 기사입력, 최종수정, 등록일시 …
    [GeneratedRegex(@"(?:기사\s*)?(?:최종\s*)?(?:입력|등록|승인|작성|게재|발행|송고|수정|업데이트|갱신|published|posted|updated|modified)\s*(?:일시|일자|일|시간|on|at)?\s*[:：]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DateLabelPattern();

    [GeneratedRegex(@"(?<!\d)(?<n>\d{1,3})\s*(?<unit>초|분|시간|일|주|개월|달|년)\s*전", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex AgoPattern();

    [GeneratedRegex(@"(?<word>오늘|어제|그제|그저께)(?:\s*(?<ampm>오전|오후)?\s*(?<hour>\d{1,2})\s*(?::|시)\s*(?<min>\d{1,2})?)?", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DayWordPattern();
}
