using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Content;
using NewsFeedWorker.Parsing.Dates;

namespace NewsFeedWorker.Suggesting;

/// <summary>
/// The <c>dateFormats</c> a site needs: when the element showing an article's date holds a text the parser's own date
/// reading gets wrong (<c>25.11.08 15:04</c> read as 2008, <c>202511081504</c> not read, a time before the date lost)
/// but one custom pattern reads on every sample page, the formats that read it, and the date each page then has.
/// Nothing when the built-in reading already reads those texts right (a selector on them then needs no format).
/// </summary>
internal static partial class DateFormatsDeriver
{
    private const int MaxFormats = 4;

    /// <param name="generic">Per page, generic mode's article (its declared dates settle a day/month order the texts leave open).</param>
    public static DateFormats? Derive(IReadOnlyList<SamplePage> pages, IReadOnlyList<Article?> generic, TimeZoneInfo zone, DateTimeOffset fetchedAt, string? language)
    {
        var formats = new List<string>();
        var dates = new Dictionary<string, IReadOnlyList<DateTimeOffset?>>(StringComparer.Ordinal);
        foreach (var field in new[] { "published", "updated" })
        {
            if (Field(pages, generic, field, zone, fetchedAt, language) is { } found)
            {
                formats.AddRange(found.Formats.Where(f => !formats.Contains(f, StringComparer.Ordinal)));
                dates[field] = found.Dates;
            }
        }

        return formats.Count == 0 ? null : new DateFormats(formats, dates);
    }

    private static (IReadOnlyList<string> Formats, IReadOnlyList<DateTimeOffset?> Dates)? Field(IReadOnlyList<SamplePage> pages, IReadOnlyList<Article?> generic, string field, TimeZoneInfo zone, DateTimeOffset fetchedAt, string? language)
    {
        var updated = field == "updated";
        var located = pages.Select(p => (IDocument)p.Document).Select(d => (d, (IReadOnlyList<IElement>?)Misread(d, updated, zone, fetchedAt))).ToList();
        if (located.Count == 0 || located.Any(p => p.Item2!.Count == 0))
        {
            return null;
        }

        foreach (var selector in CommonSelectors.Of(located))
        {
            var texts = located.Select(p => DateText(CssPath.FirstMatch(p.Item1, selector)!, updated)).ToList();
            if (Formats(texts, generic, field, zone, language) is not { } formats)
            {
                continue;
            }

            // Configured mode reads the selector's text with the built-in reading: the formats are needed when it reads
            // another date there on some page. The element is this article's date when it says so (a date label, a
            // date-like class) or generic mode found none, the same, or the built-in misreading of this very text.
            var read = texts.Select(t => DatePattern.Read(t, formats) is { } local ? InZone(local, zone) : (DateTimeOffset?)null).ToList();
            var builtIn = texts.Select(t => KoreanDateParser.Parse(t, zone, fetchedAt)).ToList();
            var needed = Enumerable.Range(0, pages.Count).Any(i => !Same(builtIn[i], read[i]));
            var theArticles = Enumerable.Range(0, pages.Count).All(i => Named(CssPath.FirstMatch(located[i].Item1, selector)!)
                || Declared(generic[i], field) is not { } at || Same(at, read[i]) || Same(at, builtIn[i]));
            if (needed && theArticles && read.TrueForAll(r => r is { } at && DatePlausibility.IsPlausible(at, fetchedAt)))
            {
                return (formats, read);
            }
        }

        return null;
    }

    /// <summary>
    /// The formats (one, else one per shape such as an ordinal's <c>st</c>/<c>th</c>) that read every text under one order
    /// of day and month: the order generic mode's own dates agree with, else year-first for Korean, Chinese and Japanese
    /// pages, month-first for American English and slashes, day-first otherwise.
    /// </summary>
    private static List<string>? Formats(List<string> texts, IReadOnlyList<Article?> generic, string field, TimeZoneInfo zone, string? language)
    {
        var perText = texts.Select(DatePattern.Formats).ToList();
        var orders = perText.Select(f => f.Keys).Aggregate((IEnumerable<string>)perText[0].Keys, (a, b) => a.Intersect(b)).ToList();
        var eastAsian = language is null || language.StartsWith("ko", StringComparison.OrdinalIgnoreCase) || language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) || language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var monthFirst = string.Equals(language, "en-US", StringComparison.OrdinalIgnoreCase) || texts.TrueForAll(t => t.Contains('/', StringComparison.Ordinal));
        string[] preference = eastAsian ? [DatePattern.YearFirst, monthFirst ? DatePattern.MonthFirst : DatePattern.DayFirst, monthFirst ? DatePattern.DayFirst : DatePattern.MonthFirst]
            : [monthFirst ? DatePattern.MonthFirst : DatePattern.DayFirst, DatePattern.YearFirst, monthFirst ? DatePattern.DayFirst : DatePattern.MonthFirst];
        var candidates = orders.OrderBy(o => Array.IndexOf(preference, o)).Select(o => Covering(texts, perText.Select(f => f[o]).ToList())).OfType<List<string>>().ToList();
        var declared = candidates.FirstOrDefault(formats => Enumerable.Range(0, texts.Count).Any(i =>
            Declared(generic[i], field) is { } at && DatePattern.Read(texts[i], formats) is { } local && Same(at, InZone(local, zone))));
        return declared ?? candidates.FirstOrDefault();
    }

    /// <summary>One format that reads every text (as written, else with one-or-two-digit widths), else the distinct formats.</summary>
    private static List<string>? Covering(List<string> texts, List<string> formats)
    {
        foreach (var format in formats.Concat(formats.Select(DatePattern.Relaxed)).Distinct(StringComparer.Ordinal))
        {
            if (texts.TrueForAll(t => DatePattern.Read(t, [format]) is not null))
            {
                return [format];
            }
        }

        var distinct = formats.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count <= MaxFormats ? distinct : null;
    }

    /// <summary>The innermost short elements whose date text one pattern reads differently from the parser's own reading (or reads where it reads nothing).</summary>
    private static List<IElement> Misread(IDocument document, bool updated, TimeZoneInfo zone, DateTimeOffset fetchedAt)
    {
        var holding = document.Body?.Descendants<IElement>().Where(e =>
        {
            // The updated date stands under its label (수정, Updated); a date under that label alone is not the published one.
            var shown = Text.Norm(e.TextContent);
            if (e.LocalName is "script" or "style" || FieldText.HasUpdatedLabel(shown) != updated && (updated || FieldText.DatePart(shown, updated: false) == shown))
            {
                return false;
            }

            var text = DateText(e, updated);
            if (text.Length is 0 or > 60 || !text.Any(char.IsAsciiDigit))
            {
                return false;
            }

            var own = KoreanDateParser.Parse(text, zone, fetchedAt);
            return DatePattern.Formats(text).Values.Any(f => DatePattern.Read(text, [f]) is { } local && !Same(own, InZone(local, zone)));
        }).ToList() ?? [];
        return [.. holding.Where(e => !e.Children.Any(holding.Contains))];
    }

    /// <summary>What configured mode parses of a date element: its <c>datetime</c> or <c>content</c>, else its text, cut to the field's label.</summary>
    private static string DateText(IElement element, bool updated) =>
        FieldText.DatePart(Text.Norm(element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.TextContent), updated).Trim();

    /// <summary>The element says it holds an article's date: a label before it (입력, 등록, 수정, Published) or a date-like class or id.</summary>
    private static bool Named(IElement element)
    {
        var text = Text.Norm(element.TextContent);
        return FieldText.DatePart(text, updated: false) != text || FieldText.DatePart(text, updated: true) != text
            || DateName().IsMatch(element.ClassName + " " + element.Id);
    }

    private static DateTimeOffset? Declared(Article? article, string field) => field == "updated" ? article?.Updated : article?.Published;

    private static bool Same(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x && b is { } y && x.UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture) == y.UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    [GeneratedRegex("date|time|posted|publish|regdate|byline|updated|modified", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DateName();
}

/// <summary>The derived <c>dateFormats</c>, and per field (published, updated) the date each sample page has with them.</summary>
internal sealed record DateFormats(IReadOnlyList<string> Formats, IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset?>> Dates);
