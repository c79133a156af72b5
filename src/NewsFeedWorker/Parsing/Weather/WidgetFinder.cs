using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Weather;

/// <summary>
/// Finds weather widgets by their shape, whatever the markup: around each temperature, the largest element that holds
/// only that one reading (a <c>li</c>, a table row, a cell, a <c>div</c> of spans) is a reading unit; a <c>dd</c> that
/// holds only the temperature takes its station from the <c>dt</c> before it, a table cell from the same column of the
/// other rows (stations in one row, skies in the next, temperatures in a third); an element whose own text holds several
/// readings is a text run. Neighbouring units whose common ancestor holds little else are one widget.
/// </summary>
internal static class WidgetFinder
{
    /// <summary>A reading unit climbs no further than this much text (a station, a sky, a temperature and some spacing).</summary>
    private const int MaxUnitText = 60;

    /// <summary>A text run (<c>흐림서울 16.4℃ 울산 16.4℃ …</c>) may be this long.</summary>
    private const int MaxRunText = 1500;

    /// <summary>Text in a widget besides its readings: a caption, column heads, the provider line.</summary>
    private const int MaxOtherText = 80;

    public sealed record Widget(IElement Container, List<WeatherReading> Readings);

    /// <param name="Label">The element before that named the station (a <c>dt</c>), if the unit needed one.</param>
    private sealed record Unit(IElement Element, List<WeatherReading> Readings, IElement? Label);

    public static List<Widget> Find(PageIndex scan)
    {
        var units = Units(scan).ToList();
        var parts = new HashSet<IElement>();
        foreach (var unit in units)
        {
            parts.Add(unit.Element);
            if (unit.Label is not null)
            {
                parts.Add(unit.Label);
            }
        }

        var widgets = new List<Widget>();
        IElement? container = null;
        var readings = new List<WeatherReading>();
        foreach (var unit in units)
        {
            if (container is not null && Join(container, unit, parts) is { } common)
            {
                container = common;
                readings.AddRange(unit.Readings);
                continue;
            }

            if (container is not null)
            {
                widgets.Add(new Widget(container, readings));
            }

            (container, readings) = (unit.Element, [.. unit.Readings]);
        }

        if (container is not null)
        {
            widgets.Add(new Widget(container, readings));
        }

        return widgets;
    }

    private static IEnumerable<Unit> Units(PageIndex scan)
    {
        IElement? last = null;
        foreach (var text in scan.TemperatureTexts)
        {
            if (text.ParentElement is not { } parent || (last is not null && last.Contains(text)))
            {
                continue;
            }

            var own = ShortText.Of(parent, MaxRunText, out _, spaced: true);
            if (own is null)
            {
                continue;
            }

            var count = WeatherTextParser.CountTemperatures(own);
            var unit = count <= 1 ? Climb(parent) : parent;
            if (IsCloned(unit) || Read(unit, count > 1) is not { } read)
            {
                continue;
            }

            last = read.Element;
            yield return read;
        }
    }

    /// <summary>The largest ancestor still holding only this one temperature, in little text (a lone <c>℃</c> climbs to its number).</summary>
    private static IElement Climb(IElement element)
    {
        while (element.ParentElement is { LocalName: not ("body" or "html") } up)
        {
            var text = ShortText.Of(up, MaxUnitText, out var tooLong, spaced: true);
            if (tooLong || text is null || WeatherTextParser.CountTemperatures(text) != 1)
            {
                break;
            }

            element = up;
        }

        return element;
    }

    private static Unit? Read(IElement element, bool run)
    {
        var text = ShortText.Of(element, MaxRunText, out _, spaced: true);
        if (text is null)
        {
            return null;
        }

        // A run's markup belongs to all its readings at once, so it gives none of them a sky; only an icon standing
        // among its words (<marquee><img alt=흐림> 동두천 14.3℃ …) is read, as the word it stands for, in its place.
        var readings = WeatherTextParser.Parse(run ? RunText(element) ?? text : text, run ? null : WeatherExtractor.ConditionFromMarkup(element));
        if (readings.Count > 0)
        {
            return new Unit(element, [.. readings], null);
        }

        // <dt>동두천</dt><dd><img alt="흐림"> 14.3℃</dd>: the station stands in the element before.
        if (!run && element.PreviousElementSibling is { } label
            && ShortText.Of(label, 16, out _, spaced: true) is { } station && WeatherTextParser.CountTemperatures(station) == 0)
        {
            // Flat siblings (<img src=…/04.png><span>동두천</span><span>14.3℃</span> …): the icon just before the station,
            // or just after the temperature when the row's icons follow its readings.
            var icon = element.ParentElement is { } siblings && IconsLead(siblings) ? label.PreviousElementSibling : element.NextElementSibling;
            var condition = WeatherExtractor.ConditionFromMarkup(element) ?? WeatherExtractor.ConditionFromMarkup(label)
                ?? (icon is not null && ShortText.IsBlank(icon) ? WeatherExtractor.IconCondition(icon) : null);
            readings = WeatherTextParser.Parse(station + " " + text, condition);
            if (readings.Count > 0)
            {
                return new Unit(element, [.. readings], label);
            }
        }

        // A table of columns: the station (and the sky) in the same column of the other rows.
        if (!run && element.LocalName is "td" or "th" && element.ParentElement is { LocalName: "tr" } row && row.Closest("table") is { } table)
        {
            var column = 0;
            while (row.Children[column] != element)
            {
                column++;
            }

            var labels = new List<string>();
            string? condition = WeatherExtractor.ConditionFromMarkup(element);
            foreach (var other in table.QuerySelectorAll("tr"))
            {
                if (other != row && column < other.Children.Length && other.Children[column] is var cell
                    && ShortText.Of(cell, 16, out _, spaced: true) is var above && WeatherTextParser.CountTemperatures(above ?? "") == 0)
                {
                    if (above is not null)
                    {
                        labels.Add(above);
                    }

                    condition ??= WeatherExtractor.ConditionFromMarkup(cell);
                }
            }

            readings = WeatherTextParser.Parse(string.Join(' ', labels) + " " + text, condition);
            if (readings.Count > 0)
            {
                return new Unit(element, [.. readings], null);
            }
        }

        return null;
    }

    /// <summary>A run's text with each blank icon element (an <c>img</c>, an empty <c>i</c>/<c>span</c>) replaced by the sky it stands for; null when it holds none.</summary>
    /// <remarks>
    /// Icons after the temperatures (<c>동두천 14.3℃ &lt;img alt=흐림&gt; 강릉 …</c>) would read as the next station's sky, so
    /// then each sky goes before the temperature it follows (<c>동두천 흐림 14.3℃</c>).
    /// </remarks>
    private static string? RunText(IElement element)
    {
        var text = new System.Text.StringBuilder();
        var icons = 0;
        AppendRun(element, text, IconsLead(element), ref icons);
        return icons == 0 ? null : TextNormalizer.Clean(text.ToString());
    }

    private static void AppendRun(IElement parent, System.Text.StringBuilder text, bool iconsLead, ref int icons)
    {
        foreach (var node in parent.ChildNodes)
        {
            if (node is IText part)
            {
                text.Append(part.Data).Append(' ');
            }
            else if (node is IElement child && ShortText.IsBlank(child))
            {
                if (WeatherExtractor.IconCondition(child) is { } sky)
                {
                    var at = iconsLead ? -1 : WeatherTextParser.LastTemperatureAt(text.ToString());
                    text.Insert(at < 0 ? text.Length : at, " " + sky + " ");
                    icons++;
                }
            }
            else if (node is IElement inner)
            {
                AppendRun(inner, text, iconsLead, ref icons);
            }

            if (text.Length > MaxRunText * 2)
            {
                return;
            }
        }
    }

    /// <summary>Whether the first sky icon below <paramref name="scope"/> comes before the first number: icons lead their readings.</summary>
    private static bool IconsLead(IElement scope)
    {
        foreach (var node in DomWalk.Descendants(scope))
        {
            if (node is IText text && text.Data.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
            {
                return false;
            }

            if (node is IElement icon && icon.ChildNodes.Length == 0 && WeatherExtractor.IconCondition(icon) is not null)
            {
                return true;
            }
        }

        return true;
    }

    /// <summary>The ancestor common to the widget so far and the next unit, when it holds little besides reading units.</summary>
    private static IElement? Join(IElement container, Unit unit, HashSet<IElement> parts)
    {
        var common = container;
        while (!common.Contains(unit.Element))
        {
            if (common.ParentElement is not { LocalName: not ("body" or "html") } up)
            {
                return null;
            }

            common = up;
        }

        return OtherText(common, parts) <= MaxOtherText ? common : null;
    }

    /// <summary>Characters other than white space below <paramref name="element"/> and outside the units, counted up to just past the limit.</summary>
    private static int OtherText(IElement element, HashSet<IElement> parts)
    {
        var count = 0;
        var walk = new DomWalk(element);
        var enter = true;
        while (count <= MaxOtherText && walk.MoveNext(enter))
        {
            enter = walk.Current is not IElement part || !parts.Contains(part);
            if (walk.Current is IText text)
            {
                foreach (var c in text.Data)
                {
                    count += TextNormalizer.IsSpace(c) ? 0 : 1;
                }
            }
        }

        return count;
    }

    private static bool IsCloned(IElement item) =>
        item.ClassList.Contains("slick-cloned") || item.ClassList.Contains("swiper-slide-duplicate") || item.ClassList.Contains("bx-clone");
}
