using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;
using NewsFeedWorker.Parsing.Dates;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Parsing.Weather;

/// <summary>Finds weather widgets: by the source's selectors, else by shape (sky + Korean place + ℃, near <c>기상청</c>).</summary>
internal static partial class WeatherExtractor
{
    /// <param name="furniture">Receives the widget containers, so the body cleaner can drop them.</param>
    public static IReadOnlyList<WeatherSnapshot> Extract(IDocument document, PageIndex scan, WeatherSelectors? selectors, TimeZoneInfo zone, DateTimeOffset fetchedAt, List<string> errors, List<IElement> furniture)
    {
        if (selectors is { Enabled: false })
        {
            return [];
        }

        // Read once a widget is found: a header without a year is looked for in the whole page.
        var observedOn = new Lazy<DateOnly?>(() => ObservedOn(document, scan, selectors, zone, fetchedAt, errors));
        if (selectors?.Container is { } containerSelector)
        {
            var container = SelectorQuery.First(document, containerSelector, "weather.container", errors);
            if (container is not null)
            {
                var readings = Configured(container, selectors);
                if (readings.Count > 0)
                {
                    furniture.Add(container);
                    var provider = selectors.Provider is { } providerSelector
                        ? ProviderFrom(SelectorQuery.First(document, providerSelector, "weather.provider", errors)?.TextContent, bare: true)
                        : NearbyProvider(container);
                    return [new WeatherSnapshot { Provider = provider, ObservedOn = observedOn.Value, Readings = readings }];
                }

                errors.Add($"weather: container '{containerSelector}' held no readings; looked for the widget by its shape");
            }
        }

        return ByShape(scan, observedOn, furniture);
    }

    private static List<WeatherReading> Configured(IElement container, WeatherSelectors selectors)
    {
        var readings = new List<WeatherReading>();
        foreach (var item in SelectorQuery.All(container, selectors.Item ?? "li", "weather.item", null))
        {
            if (selectors.Station is null || selectors.Temperature is null)
            {
                readings.AddRange(WeatherTextParser.Parse(item.TextContent, ConditionFromMarkup(item)));
                continue;
            }

            var station = TextNormalizer.Clean(SelectorQuery.First(item, selectors.Station, "weather.station", null)?.TextContent);
            var temperature = WeatherTextParser.ParseTemperature(SelectorQuery.First(item, selectors.Temperature, "weather.temperature", null)?.TextContent);
            if (station is null || temperature is null)
            {
                continue;
            }

            var conditionElement = selectors.Condition is null ? item : SelectorQuery.First(item, selectors.Condition, "weather.condition", null);
            var condition = conditionElement is null ? null : ConditionOf(conditionElement);
            readings.Add(new WeatherReading(station, condition, temperature.Value));
        }

        return readings;
    }

    private static List<WeatherSnapshot> ByShape(PageIndex scan, Lazy<DateOnly?> observedOn, List<IElement> furniture)
    {
        var snapshots = new List<WeatherSnapshot>();
        foreach (var (container, found) in WidgetFinder.Find(scan))
        {
            // A ticker repeats its items for the animation: one station's same reading twice is one reading.
            var readings = found.Distinct().ToList();
            if (readings.Count < 2)
            {
                continue;
            }

            // Without a provider line or any sky, four known KMA stations still make a widget.
            var provider = NearbyProvider(container);
            var withSky = readings.Count(r => r.Condition is not null);
            if (provider is null && withSky == 0 && readings.Count(r => KmaStations.IsKnown(r.Station)) < 4)
            {
                continue;
            }

            furniture.Add(container);

            // Some pages print the widget twice (desktop and mobile).
            if (snapshots.Exists(s => s.Readings.SequenceEqual(readings)))
            {
                continue;
            }

            snapshots.Add(new WeatherSnapshot { Provider = provider, ObservedOn = observedOn.Value, Readings = readings });
        }

        return snapshots;
    }

    /// <summary>The sky a reading's markup gives: an attribute or icon class of the item or of an element in it, or an icon's file name.</summary>
    public static string? ConditionFromMarkup(IElement item)
    {
        if (ConditionOf(item, textToo: false) is { } own)
        {
            return own;
        }

        foreach (var element in item.Descendants<IElement>())
        {
            if (ConditionOf(element, textToo: false) is { } found)
            {
                return found;
            }
        }

        // Numbers are weaker evidence than words: an icon's file name, or a sprite's numbered class.
        foreach (var icon in item.Descendants<IElement>())
        {
            if ((icon.LocalName == "img" ? KmaIcons.FromFileName(icon.GetAttribute("src")) : KmaIcons.FromClassList(icon.ClassName)) is { } fromIcon)
            {
                return fromIcon;
            }
        }

        return null;
    }

    /// <summary>The sky one icon element stands for: its <c>alt</c>/<c>title</c>/class, else its own file name or numbered class.</summary>
    public static string? IconCondition(IElement icon) =>
        ConditionFromMarkup(icon) ?? (icon.LocalName == "img" ? KmaIcons.FromFileName(icon.GetAttribute("src")) : KmaIcons.FromClassList(icon.ClassName));

    private static string? ConditionOf(IElement element, bool textToo = true)
    {
        foreach (var name in (ReadOnlySpan<string>)["alt", "title", "aria-label", "data-sky", "data-condition"])
        {
            if (TextNormalizer.Clean(element.GetAttribute(name)) is { } value && KmaSky.IsCondition(value))
            {
                return value;
            }
        }

        if (textToo && TextNormalizer.Clean(element.TextContent) is { } text && KmaSky.IsCondition(text))
        {
            return text;
        }

        return KmaSky.FromClassList(element.ClassName);
    }

    private static string? NearbyProvider(IElement container)
    {
        var element = container;
        // The provider line stands beside the widget, never elsewhere on the page (a story's own "뉴스출처 : …").
        for (var level = 0; level < 4 && element is { LocalName: not ("body" or "html") }; level++, element = element.ParentElement)
        {
            // Spaced, so a caption "기상청 제공" does not run into the first station ("기상청 제공동두천").
            var text = ShortText.Of(element, 4000, out var tooLong, spaced: true);
            if (tooLong)
            {
                break;
            }

            if (ProviderFrom(text, bare: false) is { } provider)
            {
                return provider;
            }
        }

        return null;
    }

    /// <param name="bare">A configured provider element may hold the bare name (<c>기상청</c>); text found by shape must say 제공.</param>
    private static string? ProviderFrom(string? text, bool bare)
    {
        if (text is null)
        {
            return null;
        }

        var labelled = LabelledProviderPattern().Match(text);
        if (labelled.Success)
        {
            return labelled.Groups["p"].Value;
        }

        var match = ProviderPattern().Match(text);
        return match.Success && match.Groups["p"].Value is not ("자료" or "출처" or "날씨" or "정보")
            ? match.Groups["p"].Value
            : bare && TextNormalizer.Clean(text) is { Length: <= 20 } line && !line.Contains(' ') ? line : null;
    }

    private static DateOnly? ObservedOn(IDocument document, PageIndex scan, WeatherSelectors? selectors, TimeZoneInfo zone, DateTimeOffset fetchedAt, List<string> errors)
    {
        var text = selectors?.Date is { } dateSelector
            ? SelectorQuery.First(document, dateSelector, "weather.date", errors)?.TextContent ?? scan.HeaderDate
            : scan.HeaderDate;
        return KoreanDateParser.Parse(text, zone, fetchedAt) is { } date
            ? DateOnly.FromDateTime(date.DateTime)
            : YearlessDate.Parse(text, zone, fetchedAt) ?? YearlessDate.Parse(scan.YearlessHeaderDate, zone, fetchedAt);
    }

    [GeneratedRegex(@"(?<p>[가-힣A-Za-z]{2,15})\s*(?:제공|자료)(?![가-힣])", RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex ProviderPattern();

    // "자료제공: 기상청", "출처 : 기상청", "제공 - 케이웨더".
    [GeneratedRegex(@"(?:자료\s*제공|자료|출처|제공)\s*[:：\-]\s*(?<p>[가-힣A-Za-z]{2,15})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LabelledProviderPattern();
}
