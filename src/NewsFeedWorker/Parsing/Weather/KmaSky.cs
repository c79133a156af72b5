using System.Collections.Frozen;

namespace NewsFeedWorker.Parsing.Weather;

/// <summary>The sky conditions KMA (기상청) widgets print, and icon class words that stand for them.</summary>
internal static class KmaSky
{
    /// <summary>Longest first, so <c>구름많고 비</c> wins over <c>구름많음</c>-like prefixes and <c>비/눈</c> over <c>비</c>.</summary>
    public static readonly IReadOnlyList<string> Conditions = new[]
    {
        "맑음", "구름조금", "구름많음", "흐림", "비", "눈", "비/눈", "눈/비", "비 또는 눈", "눈 또는 비", "소나기", "안개", "황사",
        "흐리고 비", "흐리고 눈", "흐리고 비/눈", "흐리고 눈/비", "흐리고 소나기", "구름많고 비", "구름많고 눈", "구름많고 비/눈",
        "구름많고 눈/비", "구름많고 소나기", "흐린 후 갬", "흐린 후 비", "흐린 후 눈", "맑은 후 흐림", "뇌우", "뇌전", "천둥번개",
        "약한비", "강한비", "약한눈", "강한눈", "진눈깨비", "빗방울", "눈날림", "빗방울/눈날림", "빗방울눈날림", "박무", "연무",
        "가끔 비", "가끔 눈", "차차 흐려짐", "흐려짐", "갬", "우박", "소낙눈", "싸락눈",
    }.OrderByDescending(c => c.Length).ThenBy(c => c, StringComparer.Ordinal).ToArray();

    private static readonly FrozenSet<string> ConditionSet = Conditions.ToFrozenSet(StringComparer.Ordinal);

    // Icon class words seen on widgets (wi-*, sky-*, ico_*); checked as class tokens, never as substrings of Korean text.
    private static readonly FrozenDictionary<string, string> IconWords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["sunny"] = "맑음", ["clear"] = "맑음", ["sun"] = "맑음", ["day-sunny"] = "맑음",
        ["partly"] = "구름조금", ["few"] = "구름조금", ["partly-cloudy"] = "구름조금", ["cloud-little"] = "구름조금",
        ["mostly-cloudy"] = "구름많음", ["cloudy-many"] = "구름많음", ["cloud-many"] = "구름많음", ["mostlycloudy"] = "구름많음",
        ["cloudy"] = "흐림", ["overcast"] = "흐림", ["cloud"] = "흐림",
        ["rain"] = "비", ["rainy"] = "비", ["snow"] = "눈", ["snowy"] = "눈", ["sleet"] = "비/눈", ["rain-snow"] = "비/눈",
        ["shower"] = "소나기", ["showers"] = "소나기", ["fog"] = "안개", ["mist"] = "안개", ["dust"] = "황사",
        ["thunder"] = "뇌우", ["thunderstorm"] = "뇌우",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool IsCondition(string text) => ConditionSet.Contains(text);

    /// <summary>The condition a text starts with (longest match), or null.</summary>
    public static string? Prefix(ReadOnlySpan<char> text)
    {
        foreach (var condition in Conditions)
        {
            if (text.StartsWith(condition, StringComparison.Ordinal))
            {
                return condition;
            }
        }

        return null;
    }

    /// <summary>Maps an icon's class list (e.g. <c>wi wi-cloudy</c>, <c>sky mostly-cloudy</c>) to a condition.</summary>
    public static string? FromClassList(string? classes)
    {
        if (string.IsNullOrWhiteSpace(classes))
        {
            return null;
        }

        foreach (var token in classes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = token;
            foreach (var prefix in (ReadOnlySpan<string>)["wi-", "ico-", "ico_", "icon-", "icon_", "sky-", "sky_", "w-", "weather-"])
            {
                if (word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    word = word[prefix.Length..];
                    break;
                }
            }

            if (IconWords.TryGetValue(word, out var condition))
            {
                return condition;
            }
        }

        return null;
    }
}
