using AngleSharp.Dom;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Dates;
using NewsFeedWorker.Parsing.Weather;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Suggesting;

/// <summary>
/// The weather selectors inside a widget whose container is known: the item holding one reading, and in it the station,
/// the temperature and the sky; beside it the provider line, and the page's date header. Candidates only, built from
/// where generic mode's readings stand on the first page that has the widget; configured mode decides.
/// </summary>
internal static class WeatherKeys
{
    private const int ShortText = 40;

    /// <summary>Full sets first (item, station, temperature, sky), then item alone, then the container alone; each with the provider and date selectors found.</summary>
    public static IReadOnlyList<WeatherSelectors> Candidates(string container, IReadOnlyList<(IDocument Document, WeatherSnapshot? Snapshot)> pages, TimeZoneInfo zone, DateTimeOffset fetchedAt)
    {
        var withWidget = pages.Where(p => p.Snapshot is { Readings.Count: > 0 } && CssPath.FirstMatch(p.Document, container) is not null).ToList();
        if (withWidget.Count == 0)
        {
            return [];
        }

        var (document, snapshot) = withWidget[0];
        var box = CssPath.FirstMatch(document, container)!;
        var reading = snapshot!.Readings[0];
        var sets = new List<WeatherSelectors>();
        if (Item(box, reading) is { } item)
        {
            var items = Relative(item).ToList();
            var station = Inner(item, e => Text.Norm(e.TextContent) == reading.Station).ToList();
            var temperature = Inner(item, e => Text.Norm(e.TextContent) is var t && t.Length <= ShortText && !t.Contains(reading.Station, StringComparison.Ordinal)
                && WeatherTextParser.ParseTemperature(t) == reading.TemperatureC).ToList();
            var sky = snapshot.Readings.FirstOrDefault(r => r.Condition is not null) is { } withSky && Item(box, withSky) is { } skyItem
                ? Inner(skyItem, e => SkyOf(e) == withSky.Condition).ToList()
                : [];
            foreach (var itemKey in items)
            {
                foreach (var (stationKey, temperatureKey) in station.SelectMany(s => temperature.Select(t => (s, t))).Take(4))
                {
                    if (sky.Count > 0)
                    {
                        sets.AddRange(sky.Take(2).Select(c => new WeatherSelectors { Container = container, Item = itemKey, Station = stationKey, Temperature = temperatureKey, Condition = c }));
                    }
                    else if (snapshot.Readings.All(r => r.Condition is null))
                    {
                        sets.Add(new WeatherSelectors { Container = container, Item = itemKey, Station = stationKey, Temperature = temperatureKey });
                    }
                }
            }

            sets.AddRange(items.Select(i => new WeatherSelectors { Container = container, Item = i }));
        }

        sets.Add(new WeatherSelectors { Container = container });
        var provider = Provider(withWidget) is [var named, ..] ? named : null;
        var date = Date(withWidget, zone, fetchedAt) is [var shown, ..] ? shown : null;
        return [.. sets.Select(s => s with { Provider = provider, Date = date })];
    }

    /// <summary>The largest element in the widget that holds this one reading and no other.</summary>
    private static IElement? Item(IElement box, WeatherReading reading) => box.Descendants<IElement>().FirstOrDefault(e =>
        Text.Norm(e.TextContent).Contains(reading.Station, StringComparison.Ordinal)
        && WeatherTextParser.Parse(Text.Norm(e.TextContent), WeatherExtractor.ConditionFromMarkup(e)) is [var only]
        && only.Station == reading.Station && only.TemperatureC == reading.TemperatureC);

    /// <summary>The sky one element shows by itself: its alt/title/class, or its whole text.</summary>
    private static string? SkyOf(IElement element) =>
        Text.Norm(element.TextContent) is var text && KmaSky.IsCondition(text) ? text
        : element.Children.Length == 0 ? WeatherExtractor.IconCondition(element) : null;

    /// <summary>Names of the innermost elements of <paramref name="item"/> satisfying <paramref name="holds"/>, class before tag.</summary>
    private static IEnumerable<string> Inner(IElement item, Func<IElement, bool> holds)
    {
        var holding = item.Descendants<IElement>().Where(holds).ToList();
        return holding.Where(e => !e.Children.Any(holding.Contains))
            .SelectMany(e => Relative(e).Concat(Positions(e)).Where(key => item.QuerySelector(key) == e))
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>The element's place among its siblings of its tag, when no name tells two spans of an item apart.</summary>
    private static IEnumerable<string> Positions(IElement element)
    {
        var same = element.ParentElement?.Children.Where(c => c.LocalName == element.LocalName).ToList() ?? [element];
        var position = same.IndexOf(element);
        if (position == same.Count - 1 && same.Count > 1)
        {
            yield return element.LocalName + ":last-of-type";
        }

        yield return $"{element.LocalName}:nth-of-type({position + 1})";
    }

    /// <summary>Class and tag names, no ids: an item's selector is applied inside the widget and must fit every item.</summary>
    private static IEnumerable<string> Relative(IElement element) => CssPath.Keys(element).Where(k => !k.StartsWith('#') && !k.StartsWith("meta[", StringComparison.Ordinal));

    /// <summary>The element naming the supplier (<c>기상청 제공</c>), by selectors that pick it on every page.</summary>
    private static IReadOnlyList<string> Provider(IReadOnlyList<(IDocument Document, WeatherSnapshot? Snapshot)> pages) =>
        pages.Any(p => p.Snapshot!.Provider is null) ? [] : CommonSelectors.Of([.. pages.Select(p =>
        {
            var provider = p.Snapshot!.Provider!;
            var holding = p.Document.Body?.Descendants<IElement>()
                .Where(e => Text.Norm(e.TextContent) is var t && t.Contains(provider, StringComparison.Ordinal) && t.Length <= provider.Length + 12)
                .ToList() ?? [];
            return (p.Document, (IReadOnlyList<IElement>?)[.. holding.Where(e => !e.Children.Any(holding.Contains))]);
        })]);

    /// <summary>The element showing the page's date header (the date the readings are for), by selectors common to every page.</summary>
    private static IReadOnlyList<string> Date(IReadOnlyList<(IDocument Document, WeatherSnapshot? Snapshot)> pages, TimeZoneInfo zone, DateTimeOffset fetchedAt)
    {
        if (pages.Any(p => p.Snapshot!.ObservedOn is null))
        {
            return [];
        }

        return CommonSelectors.Of([.. pages.Select(p =>
        {
            var day = p.Snapshot!.ObservedOn!.Value;
            var holding = p.Document.Body?.Descendants<IElement>()
                .Where(e => Text.Norm(e.TextContent) is { Length: > 0 and <= ShortText } t
                    && KoreanDateParser.Parse(t, zone, fetchedAt) is { } at && DateOnly.FromDateTime(at.DateTime) == day)
                .ToList() ?? [];
            return (p.Document, (IReadOnlyList<IElement>?)[.. holding.Where(e => !e.Children.Any(holding.Contains))]);
        })]);
    }
}
