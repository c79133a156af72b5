using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Dates;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Suggesting;

namespace NewsFeedWorker.Tests.Suggesting;

public sealed class SourceSuggesterTests
{
    private static readonly PageParser Parser = new();
    private static readonly DateTimeOffset FetchedAt = new(2025, 11, 8, 9, 30, 0, TimeSpan.FromHours(9));

    public static TheoryData<string> Families =>
    [
        "html5-article", "ul-sky-text", "table-widget", "div-soup", "legacy-euckr", "breadcrumb-gt", "ticker-smarteditor", "header-br-subtitle",
    ];

    [Fact]
    public void The_sample_sites_block_names_its_fields_by_class_and_id()
    {
        var source = SuggestPages.SampleSiteSuggestion().Source;

        Assert.Equal("h3.heading", source.Selectors!.Title);
        Assert.Equal("h4.subheading", source.Selectors.Subtitle);
        Assert.Equal("a.article-category", source.Selectors.Category);
        Assert.Equal("#article-view-content-div", source.Selectors.Body);
        Assert.Equal("meta[property='og:image']", source.Selectors.LeadImage);
        Assert.Equal("li.pagination-next a", source.ArticleLinks.NextPage);
        Assert.Equal(@"/sample/news/articleView\.html\?idxno=\d+$", source.ArticleLinks.UrlPattern);
        Assert.Equal("포탈뉴스통신", source.Name);
        Assert.Equal("0 */15 * * * ?", source.Schedule);
    }

    [Fact]
    public void The_sample_sites_block_passes_the_sources_file_validation_with_its_comments()
    {
        var suggestion = SuggestPages.SampleSiteSuggestion();
        var file = "{ \"sources\": [\n" + SourceBlockJson.Write(suggestion.Source, suggestion.Omitted, comments: true, "  ") + "\n] }";

        var loaded = Assert.Single(SourcesFileLoader.Parse(file, "suggested.json"));

        Assert.Equal(suggestion.Source.Selectors!.Title, loaded.Selectors!.Title);
        Assert.Equal(suggestion.Source.Selectors.Body, loaded.Selectors.Body);
        Assert.Equal(suggestion.Source.Selectors.Remove, loaded.Selectors.Remove);
        Assert.Equal(suggestion.Source.ArticleLinks, loaded.ArticleLinks);
    }

    [Fact]
    public void The_sample_sites_block_reads_every_page_as_generic_mode_does()
    {
        var suggestion = SuggestPages.SampleSiteSuggestion();

        Assert.All(suggestion.Checks, check => Assert.All(check.Pages, cell => Assert.True(cell.Agrees, $"{check.Field}: {cell.Value}")));
        foreach (var name in new[] { "article-1001.html", "article-1002.html", "article-1003.html", "article-1004.html" })
        {
            var page = SuggestPages.SampleSite(name);
            var generic = Parse(page, suggestion.Source with { Selectors = null, Weather = null }).Article!;
            var configured = Parse(page, suggestion.Source).Article!;
            Assert.Equal(generic.Title, configured.Title);
            Assert.Equal(generic.BodyText, configured.BodyText);
            Assert.Equal(ExtractionMethod.Selector, configured.Methods["body"]);
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void A_seed_shaped_site_keeps_every_field_generic_mode_fills(string family)
    {
        var pages = SuggestPages.SeedShaped(family);
        var suggestion = SuggestPages.Suggester().Suggest(pages[0], pages, id: "seed", name: null);
        SourcesFileLoader.Parse("{ \"sources\": [" + SourceBlockJson.Write(suggestion.Source, suggestion.Omitted, comments: true) + "] }", "seed.json");

        Assert.NotNull(suggestion.Source.Selectors?.Title);
        Assert.NotNull(suggestion.Source.Selectors?.Body);
        foreach (var page in pages)
        {
            var generic = Parse(page, suggestion.Source with { Selectors = null, Weather = null });
            var configured = Parse(page, suggestion.Source);
            foreach (var field in ArticleFields.All)
            {
                Assert.Equal(ArticleFields.Value(generic.Article, field), ArticleFields.Value(configured.Article, field));
            }

            Assert.Equal(generic.Teasers.Select(t => t.Url), configured.Teasers.Select(t => t.Url));
            Assert.NotEmpty(configured.Weather);
            Assert.Equal(generic.Weather.SelectMany(w => w.Readings), configured.Weather.SelectMany(w => w.Readings));
        }

        // The seed page's fields, all filled: what a reader of the feed gets from the suggested source.
        var article = Parse(pages[0], suggestion.Source).Article!;
        Assert.All(new[] { article.Title, article.Subtitle, article.Category, article.Origin, article.BodyText }, Assert.NotNull);
        Assert.NotNull(article.Published);
        Assert.NotEmpty(Parse(pages[0], suggestion.Source).Teasers);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void A_seed_shaped_widget_gets_its_weather_keys_and_configured_mode_gives_the_seeds_16_readings(string family)
    {
        var pages = SuggestPages.SeedShaped(family);
        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "SeedShaped", family + ".expected.txt"))
            .Where(l => l.StartsWith("reading: ", StringComparison.Ordinal)).Select(l => l["reading: ".Length..].Split(" | ")).ToList();

        var suggestion = SuggestPages.Suggester().Suggest(pages[0], pages, id: "seed", name: null);

        var weather = suggestion.Source.Weather!;
        Assert.NotNull(weather.Container);
        var configured = Assert.Single(Parse(pages[0], suggestion.Source).Weather);
        Assert.Equal(16, expected.Count);
        Assert.Equal(expected.Select(r => (r[0], r[1].Length == 0 ? null : r[1], decimal.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture))),
            configured.Readings.Select(r => (r.Station, r.Condition, r.TemperatureC)));
        Assert.Equal("기상청", configured.Provider);
        var generic = Assert.Single(Parse(pages[0], suggestion.Source with { Weather = null, Selectors = null }).Weather);
        Assert.Equal(generic.ObservedOn, configured.ObservedOn);
        Assert.All(suggestion.Checks.Where(c => c.Field == "weather").SelectMany(c => c.Pages), cell => Assert.True(cell.Agrees, cell.Value));
    }

    [Fact]
    public void A_widget_of_named_parts_gets_every_weather_key_of_the_schema()
    {
        var pages = SuggestPages.SeedShaped("html5-article");

        var weather = SuggestPages.Suggester().Suggest(pages[0], pages, id: "seed", name: null).Source.Weather!;

        Assert.Equal("ul|li|span|data|i.wi|small|time", string.Join("|", weather.Container, weather.Item, weather.Station, weather.Temperature, weather.Condition, weather.Provider, weather.Date));
    }

    [Fact]
    public void Weather_keys_that_lose_the_sky_of_icon_files_are_left_out_with_the_reason_and_the_items_text_is_read()
    {
        var pages = SuggestPages.SeedShaped("icon-file");

        var suggestion = SuggestPages.Suggester().Suggest(pages[0], pages, id: "seed", name: null);

        var weather = suggestion.Source.Weather!;
        Assert.Equal("li", weather.Item);
        Assert.Null(weather.Condition);
        var block = SourceBlockJson.Write(suggestion.Source, suggestion.Omitted, comments: true);
        Assert.True(block.Contains("// weather.condition left out: with item 'li'", StringComparison.Ordinal) && block.Contains("condition 'img", StringComparison.Ordinal) && block.Contains("configured mode gave other readings than generic mode's; each item's text is read", StringComparison.Ordinal), block);
        var configured = Assert.Single(Parse(pages[0], suggestion.Source).Weather);
        Assert.Equal(16, configured.Readings.Count);
        Assert.Equal("흐림", configured.Readings[0].Condition);
    }

    public static TheoryData<string, string, string, string> CustomDates => new()
    {
        // Two-digit year first, as Korean CMSs print it: the built-in reading takes 25.11.03 for 25 November 2003.
        { "ko", "<p class=\"byline\">입력 {0:yy.MM.dd HH:mm}</p>", "p.byline", "yy.MM.dd HH:mm" },
        // One run of digits: the built-in reading finds no date in it.
        { "ko", "<span class=\"regdate\">등록 {0:yyyyMMddHHmm}</span>", "span.regdate", "yyyyMMddHHmm" },
        // The time before the date: the built-in reading keeps the day and loses the time.
        { "en-GB", "<div class=\"posted\">{0:HH:mm} · {0:dd-MM-yyyy}</div>", "div.posted", "HH:mm · dd-MM-yyyy" },
    };

    [Theory]
    [MemberData(nameof(CustomDates))]
    public void Dates_the_built_in_reading_gets_wrong_get_the_date_format_that_reads_them_and_configured_mode_reads_the_right_dates(string language, string dateLine, string selector, string format)
    {
        var dates = new[] { new DateTime(2025, 11, 3, 15, 4, 0), new DateTime(2025, 11, 5, 9, 41, 0), new DateTime(2025, 11, 7, 18, 20, 0) };
        var pages = DatedPages(language, dateLine, dates);

        var suggestion = SuggestPages.Suggester().Suggest(pages[0], pages, id: "dated", name: null);

        Assert.True(suggestion.Source.DateFormats.SequenceEqual([format]), $"[{string.Join(", ", suggestion.Source.DateFormats)}]; left out: {string.Join("; ", suggestion.Omitted.Select(o => o.Key + ": " + o.Reason))}");
        Assert.Equal(selector, suggestion.Source.Selectors!.Published);
        for (var i = 0; i < pages.Count; i++)
        {
            var expected = new DateTimeOffset(dates[i], TimeSpan.FromHours(9));
            var configured = Parse(pages[i], suggestion.Source).Article!;
            Assert.Equal(expected, configured.Published);
            Assert.Equal(ExtractionMethod.Selector, configured.Methods["published"]);
            Assert.NotEqual(expected, Parse(pages[i], suggestion.Source with { DateFormats = [], Selectors = null }).Article!.Published);
        }

        var file = SourceBlockJson.Write(suggestion.Source, suggestion.Omitted, comments: true);
        Assert.Equal([format], Assert.Single(SourcesFileLoader.Parse("{ \"sources\": [" + file + "] }", "dated.json")).DateFormats);
    }

    [Fact]
    public void A_byline_with_both_dates_in_a_custom_pattern_gets_one_format_for_the_published_and_the_updated_date()
    {
        var dates = new[] { new DateTime(2025, 11, 3, 15, 4, 0), new DateTime(2025, 11, 5, 9, 41, 0), new DateTime(2025, 11, 7, 18, 20, 0) };
        var pages = DatedPages("ko", "<ul class=\"info\"><li>기자명 홍길동 기자</li><li>입력 {0:yy.MM.dd HH:mm}</li><li>수정 {2:yy.MM.dd HH:mm}</li></ul>", dates);

        var suggestion = SuggestPages.Suggester().Suggest(pages[0], pages, id: "dated", name: null);

        Assert.True(suggestion.Source.DateFormats.SequenceEqual(["yy.MM.dd HH:mm"]), $"[{string.Join(", ", suggestion.Source.DateFormats)}]; left out: {string.Join("; ", suggestion.Omitted.Select(o => o.Key + ": " + o.Reason))}");
        for (var i = 0; i < pages.Count; i++)
        {
            var configured = Parse(pages[i], suggestion.Source).Article!;
            Assert.Equal(new DateTimeOffset(dates[i], TimeSpan.FromHours(9)), configured.Published);
            Assert.Equal(new DateTimeOffset(dates[i].AddMinutes(53), TimeSpan.FromHours(9)), configured.Updated);
            Assert.Equal(ExtractionMethod.Selector, configured.Methods["updated"]);
        }
    }

    [Theory]
    [InlineData("ko", "<p class=\"byline\">{0:yyyy/MM/dd} {1} {0:h:mm}</p>")]
    [InlineData("de", "<p class=\"byline\">{0:dd.MM.yyyy HH:mm} Uhr</p>")]
    public void Dates_the_built_in_reading_already_gets_right_get_no_date_format(string language, string dateLine)
    {
        var dates = new[] { new DateTime(2025, 11, 3, 15, 4, 0), new DateTime(2025, 11, 5, 9, 41, 0), new DateTime(2025, 11, 7, 18, 20, 0) };
        var pages = DatedPages(language, dateLine, dates);

        var suggestion = SuggestPages.Suggester().Suggest(pages[0], pages, id: "dated", name: null);

        Assert.Empty(suggestion.Source.DateFormats);
        Assert.DoesNotContain(suggestion.Omitted, o => o.Key == "dateFormats");
        for (var i = 0; i < pages.Count; i++)
        {
            var shown = pages[i].Document.QuerySelector("p.byline")!.TextContent;
            Assert.Equal(new DateTimeOffset(dates[i], TimeSpan.FromHours(9)), KoreanDateParser.Parse(shown, KoreanDateParser.FindZone("Asia/Seoul"), FetchedAt));
        }
    }

    /// <summary>The seed-shaped HTML5 page as several stories whose date line (no declared date) is <paramref name="dateLine"/>.</summary>
    private static List<SamplePage> DatedPages(string language, string dateLine, DateTime[] dates)
    {
        var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "SeedShaped", "html5-article.html"));
        var meta = template[template.IndexOf("<p class=\"meta\">", StringComparison.Ordinal)..];
        meta = meta[..(meta.IndexOf("</p>", StringComparison.Ordinal) + 4)];
        return [.. dates.Select((date, i) =>
        {
            var shown = string.Format(System.Globalization.CultureInfo.InvariantCulture, dateLine, date, date.Hour < 12 ? "오전" : "오후", date.AddMinutes(53));
            var html = template.Replace(meta, shown, StringComparison.Ordinal).Replace("<html lang=\"ko\">", $"<html lang=\"{language}\">", StringComparison.Ordinal)
                .Replace("전자정부의 날", $"전자정부의 날 {i + 1}부", StringComparison.Ordinal).Replace("하 수석은 축사에서", $"하 수석은 {i + 1}번째 축사에서", StringComparison.Ordinal);
            return SuggestPages.Page(new Uri(SuggestPages.SeedUrl, $"articleView.html?idxno={123460 + i}"), System.Text.Encoding.UTF8.GetBytes(html));
        })];
    }

    [Fact]
    public void A_field_whose_element_changes_between_pages_is_left_out_with_the_reason()
    {
        var first = SuggestPages.SampleSite("article-1001.html");
        var second = SuggestPages.SampleSite("article-1002.html");
        var renamed = first.Encoding.GetString(second.Body).Replace("<h4 class=\"subheading\">", "<p class=\"deck\">", StringComparison.Ordinal);
        second = second with { Body = first.Encoding.GetBytes(renamed.Replace("</h4>", "</p>", StringComparison.Ordinal)) };

        var suggestion = SuggestPages.Suggester().Suggest(SuggestPages.SampleSite("list-1.html"), [first, second], id: null, name: null);

        Assert.Null(suggestion.Source.Selectors!.Subtitle);
        var omission = Assert.Single(suggestion.Omitted, o => o.Key == "subtitle");
        Assert.Contains("no selector", omission.Reason, StringComparison.Ordinal);
        Assert.Contains("// subtitle left out:", SourceBlockJson.Write(suggestion.Source, suggestion.Omitted, comments: true), StringComparison.Ordinal);
        Assert.DoesNotContain("// subtitle", SourceBlockJson.Write(suggestion.Source, suggestion.Omitted, comments: false), StringComparison.Ordinal);
    }

    private static PageParseResult Parse(SamplePage page, SourceDefinition source) => Parser.Parse(page.Body, page.Encoding, page.Url, source, FetchedAt);
}
