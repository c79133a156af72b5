using System.Text;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Tests.Parsing.Generic;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>Generic-mode dates from the less common places pages put them, and the dates that belong to something else.</summary>
public sealed class PageParserDateSourceTests
{
    private static Article Parse(string head, string body)
        => Assert.IsType<Article>(GenericDatePage.Parse(head, body, zone: "Europe/Berlin").Article);

    private static DateOnly? Day(DateTimeOffset? date) => GenericDatePage.Day(date);

    [Fact]
    public void A_comment_time_before_the_article_labelled_date_does_not_date_the_article()
    {
        // The comment's <time> carries no class of its own: only its thread's name says it is not the article's.
        var body = $"""
            <h1>Sea wall repairs approved</h1>
            <p>Veröffentlicht am 16.08.2019<br>Dauer: 1 Stunde</p>
            {Html.Paragraphs(6)}
            <ol class="comment-list"><li><div class="comment-metadata"><a href="#c1"><time datetime="2019-08-24T03:36:11+02:00">24. August 2019</time></a></div><p>Great episode.</p></li></ol>
            """;

        Assert.Equal(new DateOnly(2019, 8, 16), Day(Parse("", body).Published));
    }

    [Theory]
    [InlineData("4.\u2009" + "2.\u2009" + "2022", 2022, 2, 4)]
    [InlineData("4. 2. 2022", 2022, 2, 4)]
    [InlineData("14.\u00A0" + "11.\u00A0" + "2021", 2021, 11, 14)]
    public void A_day_first_date_with_spaces_after_its_dots_is_read(string written, int year, int month, int day)
    {
        var body = $"<article><h1>Sea wall repairs approved</h1><div class=\"att-publish-date\">Von <span>Deutscher Verband</span> {written}.</div>{Html.Paragraphs(6)}</article>";

        Assert.Equal(new DateOnly(year, month, day), Day(Parse("", body).Published));
    }

    [Fact]
    public void A_version_number_with_spaced_dots_is_not_a_date()
    {
        var body = $"<article><h1>Sea wall repairs approved</h1><div class=\"post-meta\">Release 1. 2. 3</div>{Html.Paragraphs(6)}</article>";

        Assert.Null(Parse("", body).Published);
    }

    [Fact]
    public void A_dated_declared_article_whose_text_the_cleaner_takes_whole_still_gives_title_and_date()
    {
        // The source's remove rule matches the story's only text block: nothing is left, yet the page names and dates an article.
        const string page = """
            <html lang="en"><head><title>Sea wall repairs approved | Example</title>
            <script type="application/ld+json">{"@type":"Article","headline":"Sea wall repairs approved","datePublished":"2020-02-04T13:15:08+00:00"}</script></head>
            <body><article><h1>Sea wall repairs approved</h1><div class="entry-content">
            <p>Police officers on duty can also meet the speeding offence when they race through a residential area at night at over 120 km/h, the court says.</p>
            <p>The federal court quashes a cantonal judgment of January that had convicted the officer only of a lesser offence, and sends the case back.</p>
            <p>The cantonal court must now weigh the officer's duty against the danger the drive created for everybody living along the road that night.</p>
            </div></article></body></html>
            """;
        var source = new SourceDefinition
        {
            Id = "generic",
            Name = "Generic",
            Schedule = "0 0 * * * ?",
            StartUrls = [GenericDatePage.PlainUrl],
            Selectors = new ArticleSelectors { Remove = [".entry-content"] },
        };

        var result = new PageParser().Parse(Encoding.UTF8.GetBytes(page), Encoding.UTF8, GenericDatePage.PlainUrl, source, GenericDatePage.FetchedAt);

        var article = Assert.IsType<Article>(result.Article);
        Assert.Equal("Sea wall repairs approved", article.Title);
        Assert.Equal(new DateTimeOffset(2020, 2, 4, 13, 15, 8, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void A_utc_date_for_machines_is_written_at_the_offset_of_the_clock_the_page_shows()
    {
        var head = """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Sea wall repairs approved","datePublished":"2023-11-09T05:30:59Z"}</script>""";
        var body = $"""<article><h1>Sea wall repairs approved</h1><div class="time">PUBLISHED: <time datetime="2023-11-08 23:30:59">November 8, 2023 at 11:30 p.m.</time></div>{Html.Paragraphs(6)}</article>""";

        var published = Parse(head, body).Published;

        Assert.Equal(new DateTimeOffset(2023, 11, 8, 23, 30, 59, TimeSpan.FromHours(-6)), published);
        Assert.Equal(TimeSpan.FromHours(-6), published!.Value.Offset);
    }

    [Fact]
    public void A_utc_date_stays_in_utc_when_no_local_clock_shows_the_same_moment()
    {
        var head = """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Sea wall repairs approved","datePublished":"2023-11-09T05:30:59Z"}</script>""";
        var body = $"""<article><h1>Sea wall repairs approved</h1><div class="time"><time datetime="2023-11-08 23:31:00">November 8, 2023</time></div>{Html.Paragraphs(6)}</article>""";

        var published = Parse(head, body).Published;

        Assert.Equal(TimeSpan.Zero, published!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2023, 11, 9, 5, 30, 59, TimeSpan.Zero), published);
    }

    [Fact]
    public void A_bare_date_in_the_box_header_just_above_the_headline_dates_the_article()
    {
        var body = $"""
            <div id="top"><span>Donnerstag, 16. Februar 2012</span></div>
            <nav><ul><li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li></ul></nav>
            <div class="textBox"><div class="boxHeader"><span>14. Februar 2012</span><ul><li class="print"><a href="/print">Drucken</a></li></ul></div>
            <span class="category">Politik</span><h1>Sea wall repairs approved</h1>{Html.Paragraphs(6)}</div>
            """;

        Assert.Equal(new DateOnly(2012, 2, 14), Day(Parse("", body).Published));
    }

    [Fact]
    public void The_site_date_with_the_navigation_between_it_and_the_headline_is_not_the_article_date()
    {
        var body = $"""
            <div id="top"><span>16. Februar 2012</span></div>
            <nav><ul><li><a href="/politik">Politik</a></li></ul></nav>
            <h1>Sea wall repairs approved</h1>{Html.Paragraphs(6)}
            """;

        Assert.Null(Parse("", body).Published);
    }

    [Fact]
    public void A_date_attribute_on_a_marker_just_after_the_headline_dates_the_article()
    {
        var body = $"""
            <article><header><h1>Sea wall repairs approved</h1><div class="timeline"><div data-date="18. März 2020" class="timeline__arrow"></div></div></header>{Html.Paragraphs(6)}</article>
            """;

        Assert.Equal(new DateOnly(2020, 3, 18), Day(Parse("", body).Published));
    }

    [Fact]
    public void The_article_time_element_beats_a_bare_date_meta_tag()
    {
        var head = """<meta name="Date" content="2022-1-26T14:32:06+02:00">""";
        var body = $"""<article><h1>Sea wall repairs approved</h1><p class="meta__content"><time datetime="2022-01-21" class="meta__label">21.01.2022 - 13:30</time></p>{Html.Paragraphs(6)}</article>""";

        Assert.Equal(new DateOnly(2022, 1, 21), Day(Parse(head, body).Published));
    }

    [Fact]
    public void A_bare_date_meta_tag_still_dates_a_page_with_no_other_date()
    {
        var body = $"<article><h1>Sea wall repairs approved</h1>{Html.Paragraphs(6)}</article>";

        Assert.Equal(new DateOnly(2022, 1, 26), Day(Parse("""<meta name="date" content="2022-01-26">""", body).Published));
    }
}
