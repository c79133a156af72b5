using System.Globalization;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Dates;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Suggesting;

/// <summary>
/// Derives a source block from a list page and sample articles: generic mode reads each article, the elements holding
/// its values are found, and for every field the simplest selector that picks that element on every page is kept once
/// configured mode with it gives what generic mode gave on every page. Pure: the caller fetches the pages.
/// </summary>
internal sealed class SourceSuggester(PageParser parser, TimeProvider time)
{
    public const string DefaultSchedule = "0 */15 * * * ?";
    private const int MaxRounds = 8;
    private const int MaxWeatherSets = 12;

    /// <summary>The article links of the list page (those the derived link selector picks, in page order).</summary>
    public IReadOnlyList<Uri> ArticleLinks(SamplePage list) => ListPage(list).Links;

    /// <summary>The list page's article links (as <see cref="ArticleLinks"/>) and its next page, for a caller that needs more links.</summary>
    public (IReadOnlyList<Uri> Links, Uri? NextPage) ListPage(SamplePage list)
    {
        var result = Parse(list, BaseSource(list, [], null, null));
        return (LinkRulesDeriver.Derive(list, result).Links, result.NextPage);
    }

    public Suggestion Suggest(SamplePage list, IReadOnlyList<SamplePage> articles, string? id, string? name)
    {
        var omitted = new List<Omission>();
        var baseSource = BaseSource(list, articles, id, name);
        var listResult = Parse(list, baseSource);
        var (rules, _) = LinkRulesDeriver.Derive(list, listResult);
        rules = CheckLinkRules(list, baseSource, listResult, rules, omitted);

        var pages = articles.ToList();
        var zone = KoreanDateParser.FindZone(baseSource.TimeZone);
        var generic = pages.Select(p => Parse(p, baseSource)).ToList();
        var dates = DateFormatsDeriver.Derive(pages, [.. generic.Select(g => g.Article)], zone, time.GetUtcNow(), baseSource.Language);
        if (dates is not null)
        {
            // Generic mode with the formats; where it still takes its date elsewhere, the pattern's reading is the page's date.
            baseSource = baseSource with { DateFormats = dates.Formats };
            generic = [.. pages.Select((p, i) => WithDates(Parse(p, baseSource), dates, i))];
        }

        var context = new Context(pages, generic, zone, time.GetUtcNow(), baseSource.DateFormats);
        var keys = Derivable(context, omitted);

        var accepted = Choose(baseSource with { ArticleLinks = rules }, keys, context, omitted);
        if (dates is not null && !dates.Dates.Keys.Any(accepted.ContainsKey))
        {
            omitted.Add(new Omission("dateFormats", $"[{string.Join(", ", dates.Formats)}] read the dates, but no date selector gave them on every page"));
            baseSource = baseSource with { DateFormats = [] };
        }

        var source = Build(baseSource with { ArticleLinks = rules }, accepted, context);
        if (accepted.TryGetValue("weather", out var container))
        {
            source = source with { Weather = ChooseWeather(source, container, context, omitted) };
        }

        var checks = Check(source, context);
        return new Suggestion(source, omitted, checks, [list.Url, .. pages.Select(p => p.Url)]);
    }

    private static PageParseResult WithDates(PageParseResult result, DateFormats dates, int page) => result.Article is not { } article ? result : result with
    {
        Article = article with
        {
            Published = dates.Dates.TryGetValue("published", out var published) ? published[page] ?? article.Published : article.Published,
            Updated = dates.Dates.TryGetValue("updated", out var updated) ? updated[page] ?? article.Updated : article.Updated,
        },
    };

    /// <summary>
    /// The weather keys inside and beside the accepted container: the first candidate set with which configured mode gives
    /// generic mode's readings on every page; its provider and date selectors kept only where they give generic mode's too.
    /// </summary>
    private WeatherSelectors ChooseWeather(SourceDefinition source, string container, Context context, List<Omission> omitted)
    {
        var failed = new List<WeatherSelectors>();
        var candidates = WeatherKeys.Candidates(container, [.. context.Indices.Select(i => ((IDocument)context.Pages[i].Document, FirstWeather(context.Generic[i])))], context.Zone, context.FetchedAt);
        foreach (var set in candidates.Take(MaxWeatherSets))
        {
            var results = context.Indices.Select(i => Parse(context.Pages[i], source with { Weather = set })).ToList();
            if (!context.Indices.All(i => SameWeather(results[i], context.Generic[i])))
            {
                failed.Add(set);
                continue;
            }

            var kept = set;
            if (set.Provider is not null && !context.Indices.All(i => FirstWeather(results[i])?.Provider == FirstWeather(context.Generic[i])?.Provider))
            {
                omitted.Add(new Omission("weather.provider", $"'{set.Provider}' did not name generic mode's provider on every page"));
                kept = kept with { Provider = null };
            }

            if (set.Date is not null && !context.Indices.All(i => FirstWeather(results[i])?.ObservedOn == FirstWeather(context.Generic[i])?.ObservedOn))
            {
                omitted.Add(new Omission("weather.date", $"'{set.Date}' did not give generic mode's date on every page"));
                kept = kept with { Date = null };
            }

            var tried = failed.Count > 0 ? failed[^1] : null;
            foreach (var (key, _) in WeatherInnerKeys(tried).Where(k => WeatherInnerKeys(kept).All(mine => mine.Key != k.Key)))
            {
                omitted.Add(new Omission("weather." + key, $"with {string.Join(", ", WeatherInnerKeys(tried).Select(k => $"{k.Key} '{k.Selector}'"))} configured mode gave other readings than generic mode's; "
                    + (kept.Item is null ? "the widget's readings are found by their shape" : "each item's text is read")));
            }

            return kept;
        }

        return new WeatherSelectors { Container = container };
    }

    private static IEnumerable<(string Key, string Selector)> WeatherInnerKeys(WeatherSelectors? set) =>
        new[] { ("item", set?.Item), ("station", set?.Station), ("temperature", set?.Temperature), ("condition", set?.Condition) }
            .Where(k => k.Item2 is not null).Select(k => (k.Item1, k.Item2!));

    /// <summary>Per key (article field, teaserBlock, weather), the candidate selectors common to every page, best first.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Derivable(Context context, List<Omission> omitted)
    {
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var usable = context.Indices.Where(i => context.Generic[i].Article is not null).ToList();
        if (usable.Count == 0)
        {
            omitted.Add(new Omission("selectors", "generic mode found no article on the sample pages, so no field could be located"));
            return keys;
        }

        var located = usable.ToDictionary(i => i, i => FieldLocator.Locate(context.Pages[i].Document, context.Generic[i].Article!, context.Pages[i].Url, context.Zone, context.FetchedAt, context.DateFormats));
        foreach (var field in ArticleFields.All)
        {
            var found = usable.Count(i => ArticleFields.Value(context.Generic[i].Article, field) is not null);
            if (found == 0)
            {
                continue;
            }

            var candidates = CommonSelectors.Of([.. usable.Select(i => ((IDocument)context.Pages[i].Document, (IReadOnlyList<IElement>?)located[i].GetValueOrDefault(field)))], single: field == "body");
            if (candidates.Count == 0)
            {
                var shown = usable.Count(i => located[i].ContainsKey(field));
                omitted.Add(new Omission(field, shown == 0
                    ? $"generic mode found it on {found} of {usable.Count} pages, but no element shows that value (it comes from the page's metadata); generic extraction keeps reading it"
                    : $"the elements holding it on {shown} of {found} pages share no selector that picks them on every page"));
                continue;
            }

            keys[field] = candidates;
        }

        AddBlockKey(keys, "teaserBlock", context, TeaserBlocks, omitted);
        AddBlockKey(keys, "weather", context, WeatherContainers, omitted);
        return keys;
    }

    private static void AddBlockKey(Dictionary<string, IReadOnlyList<string>> keys, string key, Context context, Func<SamplePage, PageParseResult, List<IElement>> blocks, List<Omission> omitted)
    {
        var perPage = context.Indices.Select(i => (Page: context.Pages[i], Blocks: blocks(context.Pages[i], context.Generic[i]))).Where(p => p.Blocks.Count > 0).ToList();
        if (perPage.Count == 0)
        {
            return;
        }

        // A class every block of every page carries (section.auto-section), else the selectors of the first block.
        var shared = perPage.SelectMany(p => p.Blocks).Select(b => CssPath.Keys(b).Where(k => k != b.LocalName).ToHashSet(StringComparer.Ordinal)).Aggregate((a, b) => { a.IntersectWith(b); return a; });
        var candidates = shared.Concat(CommonSelectors.Of([.. perPage.Select(p => ((IDocument)p.Page.Document, (IReadOnlyList<IElement>?)p.Blocks))])).Distinct(StringComparer.Ordinal).ToList();
        if (candidates.Count == 0)
        {
            omitted.Add(new Omission(key, "the blocks generic mode found share no selector; generic mode keeps finding them by their shape"));
            return;
        }

        keys[key] = candidates;
    }

    private static List<IElement> TeaserBlocks(SamplePage page, PageParseResult result)
    {
        var blocks = new List<IElement>();
        foreach (var teaser in result.Teasers)
        {
            var anchor = page.Document.QuerySelectorAll("a[href]").FirstOrDefault(a => Uri.TryCreate(page.Url, a.GetAttribute("href"), out var url) && url == teaser.Url);
            for (var current = anchor?.ParentElement; current is not null && current.LocalName != "body"; current = current.ParentElement)
            {
                if (Text.Norm(current.TextContent).Contains(teaser.Section, StringComparison.Ordinal) && Text.Norm(current.TextContent) != Text.Norm(teaser.Section))
                {
                    if (!blocks.Contains(current))
                    {
                        blocks.Add(current);
                    }

                    break;
                }
            }
        }

        return blocks;
    }

    private static List<IElement> WeatherContainers(SamplePage page, PageParseResult result)
    {
        if (result.Weather.Count == 0 || result.Weather[0].Readings is not { Count: > 1 } readings || page.Document.Body is not { } body)
        {
            return [];
        }

        var first = Text.Norm(readings[0].Station);
        var last = Text.Norm(readings[^1].Station);
        var holders = body.QuerySelectorAll("*").Where(e => Text.Norm(e.TextContent) is var t && t.Contains(first, StringComparison.Ordinal) && t.Contains(last, StringComparison.Ordinal)).ToList();
        var smallest = holders.Where(e => !e.Children.Any(holders.Contains)).FirstOrDefault();
        return smallest is null ? [] : [smallest];
    }

    /// <summary>
    /// Tries each key's candidates in rounds: every round parses every page once with the current candidate of each
    /// undecided key; a key whose candidate agrees with generic mode on every page is kept, the others try their next.
    /// </summary>
    private Dictionary<string, string> Choose(SourceDefinition source, Dictionary<string, IReadOnlyList<string>> keys, Context context, List<Omission> omitted)
    {
        var accepted = new Dictionary<string, string>(StringComparer.Ordinal);
        var next = keys.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        var lastFailure = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var round = 0; round < MaxRounds && next.Count > 0; round++)
        {
            var trying = new Dictionary<string, string>(accepted, StringComparer.Ordinal);
            foreach (var (key, index) in next)
            {
                trying[key] = keys[key][index];
            }

            var configured = Build(source, trying, context);
            var results = context.Indices.Select(i => Parse(context.Pages[i], configured)).ToList();
            foreach (var key in next.Keys.ToList())
            {
                if (Disagreement(key, trying[key], context, results) is not { } failure)
                {
                    accepted[key] = trying[key];
                    next.Remove(key);
                    continue;
                }

                lastFailure[key] = failure;
                if (++next[key] >= keys[key].Count)
                {
                    next.Remove(key);
                }
            }
        }

        foreach (var key in keys.Keys.Where(k => !accepted.ContainsKey(k)))
        {
            omitted.Add(new Omission(key, lastFailure.TryGetValue(key, out var failure)
                ? $"no selector agreed with generic mode on every page ({keys[key].Count} tried; last: {failure})"
                : $"not decided within {MaxRounds} rounds"));
        }

        return accepted;
    }

    /// <summary>Null when configured mode with <paramref name="selector"/> gives generic mode's value on every page, else where it does not.</summary>
    private static string? Disagreement(string key, string selector, Context context, List<PageParseResult> configured)
    {
        foreach (var i in context.Indices)
        {
            var page = context.Pages[i];
            var generic = context.Generic[i];
            var mine = configured[i];
            string? failure = key switch
            {
                "teaserBlock" => SameTeasers(generic, mine) && (generic.Teasers.Count == 0 || CssPath.AllMatches(page.Document, selector).Count > 0)
                    ? null : $"{mine.Teasers.Count} teasers where generic mode found {generic.Teasers.Count}",
                "weather" => SameWeather(generic, mine) && (generic.Weather.Count == 0 || CssPath.FirstMatch(page.Document, selector) is not null)
                    ? null : "the readings differ from generic mode's",
                _ => FieldDisagreement(key, selector, generic.Article, mine.Article),
            };
            if (failure is not null)
            {
                return $"page {i + 1} ({page.Url.PathAndQuery}): {failure}";
            }
        }

        return null;
    }

    private static string? FieldDisagreement(string field, string selector, Article? generic, Article? configured)
    {
        var expected = ArticleFields.Value(generic, field);
        var actual = ArticleFields.Value(configured, field);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return $"'{selector}' gave \"{Text.Excerpt(actual)}\", generic mode \"{Text.Excerpt(expected)}\"";
        }

        return expected is not null && ArticleFields.Method(configured, field) != nameof(ExtractionMethod.Selector)
            ? $"'{selector}' matched nothing (the value came from generic extraction)"
            : null;
    }

    private static bool SameTeasers(PageParseResult a, PageParseResult b) =>
        a.Teasers.Select(t => t.Url).ToHashSet().SetEquals(b.Teasers.Select(t => t.Url));

    private static bool SameWeather(PageParseResult a, PageParseResult b) =>
        a.Weather.SelectMany(w => w.Readings).SequenceEqual(b.Weather.SelectMany(w => w.Readings));

    /// <summary>The container, and the other weather keys after it: <c>ul.weather-list (item li, station span.weather-area)</c>.</summary>
    private static string? WeatherKeysText(WeatherSelectors? weather)
    {
        if (weather?.Container is not { } container)
        {
            return null;
        }

        var inner = WeatherInnerKeys(weather).Concat(new[] { ("date", weather.Date), ("provider", weather.Provider) }.Where(k => k.Item2 is not null).Select(k => (k.Item1, k.Item2!)))
            .Select(k => k.Item1 + " " + k.Item2).ToList();
        return inner.Count == 0 ? container : $"{container} ({string.Join(", ", inner)})";
    }

    private static WeatherSnapshot? FirstWeather(PageParseResult result) => result.Weather.Count > 0 ? result.Weather[0] : null;

    private static bool SameWeatherHeader(PageParseResult a, PageParseResult b) =>
        a.Weather.Select(w => (w.Provider, w.ObservedOn)).SequenceEqual(b.Weather.Select(w => (w.Provider, w.ObservedOn)));

    private static string WeatherSummary(PageParseResult result) => FirstWeather(result) is not { } first ? "0 readings"
        : string.Create(CultureInfo.InvariantCulture, $"{result.Weather.Sum(w => w.Readings.Count)} readings, {first.Provider ?? "no provider"}, {first.ObservedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no date"}");

    /// <summary>The link selector and next-page link kept only when configured mode finds the same links with them.</summary>
    private ArticleLinkRules CheckLinkRules(SamplePage list, SourceDefinition source, PageParseResult generic, ArticleLinkRules rules, List<Omission> omitted)
    {
        var derived = LinkRulesDeriver.Derive(list, generic).Links.ToHashSet();
        var configured = Parse(list, source with { ArticleLinks = rules });
        if (rules.Selector is not null && !configured.ArticleLinks.ToHashSet().SetEquals(derived))
        {
            omitted.Add(new Omission("articleLinks.selector", $"'{rules.Selector}' gave {configured.ArticleLinks.Count} links where {derived.Count} were expected"));
            rules = rules with { Selector = null };
        }

        if (rules.NextPage is not null && configured.NextPage != generic.NextPage)
        {
            omitted.Add(new Omission("articleLinks.nextPage", $"'{rules.NextPage}' gave {configured.NextPage?.AbsoluteUri ?? "nothing"}, generic mode {generic.NextPage}"));
            rules = rules with { NextPage = null };
        }

        if (configured.ArticleLinks.Count == 0 && generic.ArticleLinks.Count == 0)
        {
            omitted.Add(new Omission("articleLinks", "the list page has no article links generic mode recognizes"));
        }

        return rules;
    }

    private static SourceDefinition Build(SourceDefinition source, Dictionary<string, string> chosen, Context context)
    {
        var selectors = new ArticleSelectors();
        foreach (var field in ArticleFields.All)
        {
            if (chosen.TryGetValue(field, out var selector))
            {
                selectors = ArticleFields.With(selectors, field, selector);
            }
        }

        if (selectors.Body is { } body)
        {
            selectors = selectors with { Remove = BodyFurniture.Selectors(body, context.Indices.Select(i => ((IDocument)context.Pages[i].Document, context.Generic[i].Article))) };
        }

        selectors = selectors with { TeaserBlock = chosen.GetValueOrDefault("teaserBlock") };
        var anySelector = ArticleFields.All.Any(f => ArticleFields.Selector(selectors, f) is not null) || selectors.TeaserBlock is not null;
        return source with
        {
            Selectors = anySelector ? selectors : null,
            Weather = chosen.TryGetValue("weather", out var container) ? new WeatherSelectors { Container = container } : null,
        };
    }

    private List<FieldCheck> Check(SourceDefinition source, Context context)
    {
        var results = context.Indices.Select(i => Parse(context.Pages[i], source)).ToList();
        var checks = new List<FieldCheck>();
        foreach (var field in ArticleFields.All)
        {
            var selector = source.Selectors is { } s ? ArticleFields.Selector(s, field) : null;
            checks.Add(new FieldCheck(field, selector, [.. context.Indices.Select(i =>
            {
                var value = ArticleFields.Value(results[i].Article, field);
                var agrees = string.Equals(value, ArticleFields.Value(context.Generic[i].Article, field), StringComparison.Ordinal);
                return new FieldCell(value is null ? "-" : Text.Excerpt(value), ArticleFields.Method(results[i].Article, field) ?? "-", agrees);
            })]));
        }

        checks.Add(new FieldCheck("teaserBlock", source.Selectors?.TeaserBlock, [.. context.Indices.Select(i =>
            new FieldCell($"{results[i].Teasers.Count} teasers", source.Selectors?.TeaserBlock is null ? "Heuristic" : "Selector", SameTeasers(results[i], context.Generic[i])))]));
        checks.Add(new FieldCheck("weather", WeatherKeysText(source.Weather), [.. context.Indices.Select(i =>
            new FieldCell(WeatherSummary(results[i]), source.Weather is null ? "Heuristic" : "Selector", SameWeather(results[i], context.Generic[i]) && SameWeatherHeader(results[i], context.Generic[i])))]));
        return checks;
    }

    private PageParseResult Parse(SamplePage page, SourceDefinition source) =>
        parser.Parse(page.Body, page.Encoding, page.Url, source, time.GetUtcNow());

    private static SourceDefinition BaseSource(SamplePage list, IReadOnlyList<SamplePage> articles, string? id, string? name)
    {
        IReadOnlyList<SamplePage> all = [.. articles, list];
        var language = all.Select(p => p.Document.DocumentElement?.GetAttribute("lang")).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        var undeclared = all.FirstOrDefault(p => !p.CharsetDeclared && p.Encoding.CodePage != System.Text.Encoding.UTF8.CodePage);
        return new SourceDefinition
        {
            Id = id ?? SiteNames.DefaultId(list.Url),
            Name = name ?? SiteNames.SiteName(all) ?? list.Url.Host,
            Schedule = DefaultSchedule,
            TimeZone = SiteNames.TimeZone(articles) ?? "Asia/Seoul",
            Language = language?.Trim(),
            StartUrls = [list.Url],
            Encoding = undeclared?.Encoding.WebName,
        };
    }

    /// <summary>The sample pages and generic mode's reading of each.</summary>
    private sealed record Context(IReadOnlyList<SamplePage> Pages, IReadOnlyList<PageParseResult> Generic, TimeZoneInfo Zone, DateTimeOffset FetchedAt, IReadOnlyList<string> DateFormats)
    {
        public IEnumerable<int> Indices => Enumerable.Range(0, Pages.Count);
    }
}
