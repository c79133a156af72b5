using System.Text;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>
/// The seed article (a Korean regional news page: date header, KMA weather widget of 16 readings, section label,
/// headline, subtitle, body with its credit line, photo/popular boxes and 더보기 teaser blocks) written in twenty-four markup
/// families, each parsed with no selectors and checked against a hand-written expectation in TestData/SeedShaped.
/// </summary>
public sealed class SeedShapedPagesTests
{
    private static readonly PageParser Parser = new();
    private static readonly Uri PageUrl = new("https://news.example.kr/news/articleView.html?idxno=123456");
    private static readonly Dictionary<string, PageParseResult> Parsed = new(StringComparer.Ordinal);

    public static TheoryData<string> Pages =>
    [
        "ul-sky-text", "table-widget", "dl-img-alt", "icon-file", "text-run",
        "div-soup", "legacy-euckr", "html5-article", "breadcrumb-gt", "negative-celsius", "dl-per-item",
        "header-br-subtitle", "div-br-summary-box", "meta-section-icon-table", "euckr-td-reporter", "label-h3-pair-title-attr", "ticker-smarteditor", "sprite-class-below-zero",
        "gnuboard-select-weather", "xe-marquee-summary", "wordpress-entry-content", "ndsoft-bare-summary", "euckr-marquee-br", "div-br-plain-p-subtitle",
    ];

    /// <summary>The pages that sign the story with a reporter line (<c>홍길동 기자 hong@example.com</c>).</summary>
    public static TheoryData<string> SignedPages =>
    [
        "header-br-subtitle", "meta-section-icon-table", "euckr-td-reporter", "ticker-smarteditor",
        "gnuboard-select-weather", "wordpress-entry-content", "euckr-marquee-br", "div-br-plain-p-subtitle",
    ];

    /// <summary>The pages whose expectation names the publication date (written in the page's own format).</summary>
    public static TheoryData<string> DatedPages =>
        ["gnuboard-select-weather", "wordpress-entry-content", "ndsoft-bare-summary", "euckr-marquee-br", "div-br-plain-p-subtitle"];

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_title_is_the_headline_never_the_site_name(string page)
        => Assert.Equal(Expected(page).One("title"), Article(page).Title);

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_subtitle_is_found(string page)
        => Assert.Equal(Expected(page).One("subtitle"), Article(page).Subtitle);

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_category_comes_from_the_location_line_or_section_label(string page)
        => Assert.Equal(Expected(page).One("category"), Article(page).Category);

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_origin_comes_from_the_credit_line(string page)
        => Assert.Equal(Expected(page).One("origin"), Article(page).Origin);

    [Theory]
    [MemberData(nameof(SignedPages))]
    public void The_reporter_line_names_the_author(string page)
        => Assert.Equal(Expected(page).One("author"), Article(page).Author);

    [Theory]
    [MemberData(nameof(DatedPages))]
    public void The_publication_date_is_read_from_the_byline_or_metadata(string page)
        => Assert.Equal(DateTimeOffset.Parse(Expected(page).One("published"), System.Globalization.CultureInfo.InvariantCulture), Article(page).Published);

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_body_runs_from_the_dateline_to_the_last_sentence(string page)
    {
        var expected = Expected(page);
        var body = Article(page).BodyText;

        Assert.StartsWith(expected.One("body-starts"), body, StringComparison.Ordinal);
        Assert.EndsWith(expected.One("body-ends"), body, StringComparison.Ordinal);
        Assert.All(expected.All("body-has"), sentence => Assert.Contains(sentence, body, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Furniture_stays_out_of_the_body(string page)
    {
        var body = Article(page).BodyText;

        Assert.All(Expected(page).All("body-lacks"), furniture => Assert.DoesNotContain(furniture, body, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_weather_widget_gives_all_sixteen_readings(string page)
    {
        var widget = Assert.Single(Result(page).Weather);

        Assert.Equal(Expected(page).Readings(), widget.Readings);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_weather_has_its_provider_and_the_date_header(string page)
    {
        var expected = Expected(page);
        var widget = Assert.Single(Result(page).Weather);

        Assert.Equal(expected.One("provider"), widget.Provider);
        Assert.Equal(DateOnly.Parse(expected.One("observed"), System.Globalization.CultureInfo.InvariantCulture), widget.ObservedOn);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_section_heading_with_a_more_link_gives_its_teasers(string page)
    {
        var expected = Expected(page).Teasers().Select(t => (t.Section, t.Title, new Uri(PageUrl, t.Url))).ToList();

        Assert.Equal(expected, Result(page).Teasers.Select(t => (t.Section, t.Title, t.Url)).ToList());
    }

    [Fact]
    public void The_legacy_copy_decodes_from_its_meta_charset_whatever_the_fetch_stage_assumed()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "legacy-euckr.html"));
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));

        var eucKr = CodePagesEncodingProvider.Instance.GetEncoding("euc-kr")!;
        var declared = Parser.Parse(bytes, eucKr, PageUrl, Some.Source(), Some.FetchedAt);

        Assert.Equal(Article("legacy-euckr").BodyText, declared.Article?.BodyText);
        Assert.Equal(Result("legacy-euckr").Weather.Single().Readings, declared.Weather.Single().Readings);
    }

    [Theory]
    [InlineData("ul-sky-text", "2025.11.08 (토)", "11.08 (토)", "2025-11-08T09:30:00+09:00", "2025-11-08")]
    [InlineData("table-widget", "2025년 11월 08일 토요일", "11월 8일 토요일", "2025-11-08T09:30:00+09:00", "2025-11-08")]
    [InlineData("ul-sky-text", "2025.11.08 (토)", "12.31 (수)", "2026-01-01T08:00:00+09:00", "2025-12-31")]
    [InlineData("ul-sky-text", "2025.11.08 (토)", "01.01 (목)", "2025-12-31T23:30:00+09:00", "2026-01-01")]
    public void A_date_header_without_a_year_takes_the_year_of_the_fetch(string page, string header, string yearless, string fetchedAt, string observed)
    {
        var html = File.ReadAllText(Path.Combine(Folder, page + ".html"));
        Assert.Contains(header, html, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(html.Replace(header, yearless, StringComparison.Ordinal));
        var fetched = DateTimeOffset.Parse(fetchedAt, System.Globalization.CultureInfo.InvariantCulture);

        var widget = Assert.Single(Parser.Parse(bytes, Encoding.UTF8, PageUrl, Some.Source(), fetched).Weather);

        Assert.Equal(DateOnly.Parse(observed, System.Globalization.CultureInfo.InvariantCulture), widget.ObservedOn);
        Assert.Equal(Expected(page).Readings(), widget.Readings);
    }

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "SeedShaped");

    private static SeedShapedExpectation Expected(string page) => SeedShapedExpectation.Read(Path.Combine(Folder, page + ".expected.txt"));

    private static Article Article(string page) => Assert.IsType<Article>(Result(page).Article);

    // Every page is parsed as the fetch stage hands it over when the server names no charset: as UTF-8.
    private static PageParseResult Result(string page)
    {
        lock (Parsed)
        {
            if (!Parsed.TryGetValue(page, out var result))
            {
                var bytes = File.ReadAllBytes(Path.Combine(Folder, page + ".html"));
                result = Parser.Parse(bytes, Encoding.UTF8, PageUrl, Some.Source(), Some.FetchedAt);
                Parsed[page] = result;
            }

            return result;
        }
    }
}
