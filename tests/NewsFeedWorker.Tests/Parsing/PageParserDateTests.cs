using System.Text;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Tests.Parsing.Generic;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>Publication and update dates in generic mode: which markup is read, in what order, and which dates are refused.</summary>
public sealed class PageParserDateTests
{
    private static readonly PageParser Parser = new();
    private static readonly DateTimeOffset FetchedAt = GenericDatePage.FetchedAt;
    private static readonly Uri PlainUrl = GenericDatePage.PlainUrl;

    private static Article Parse(string head, string body, Uri? url = null, string zone = "Asia/Seoul")
        => Assert.IsType<Article>(GenericDatePage.Parse(head, body, url, zone).Article);

    private static string Story(string header = "") => $"<article><h1>Sea wall repairs approved</h1>{header}{Html.Paragraphs(6)}</article>";

    private static DateOnly? Day(DateTimeOffset? date) => GenericDatePage.Day(date);

    [Theory]
    [InlineData("<meta property=\"og:article:published_time\" content=\"2024-05-03T10:00:00+02:00\">")]
    [InlineData("<meta name=\"cXenseParse:recs:publishtime\" content=\"2024-05-03T10:00:00+02:00\">")]
    [InlineData("<meta name=\"DC.date.issued\" content=\"2024-05-03\">")]
    [InlineData("<meta itemprop=\"datePublished\" content=\"2024-05-03\">")]
    [InlineData("<meta name=\"publish-date\" content=\"2024-05-03 10:00\">")]
    [InlineData("<meta name=\"bt:pubDate\" content=\"2024-05-03T10:00:00+02:00\">")]
    [InlineData("<meta name=\"vr:published-time\" content=\"2024-05-03T10:00:00+02:00\">")]
    public void Every_common_publication_meta_tag_gives_the_date(string meta)
        => Assert.Equal(new DateOnly(2024, 5, 3), Day(Parse(meta, Story()).Published));

    [Fact]
    public void A_meta_tag_named_for_an_update_fills_updated_not_published()
    {
        var article = Parse("<meta name=\"article:modified\" content=\"2024-05-04T09:00:00+02:00\"><meta name=\"last-updated\" content=\"2024-05-05\">", Story("<p class=\"byline\">Published: 3 May 2024</p>"));

        Assert.Equal(new DateOnly(2024, 5, 3), Day(article.Published));
        Assert.Equal(new DateOnly(2024, 5, 4), Day(article.Updated));
    }

    [Fact]
    public void Broken_json_ld_still_gives_its_plainly_written_dates()
    {
        // Two objects in one script: not valid JSON, as CMS templates often produce.
        var head = """
            <script type="application/ld+json">
            {"@type":"NewsArticle","headline":"Sea wall repairs approved","datePublished":"2024-05-03T18:10:00+01:00","dateModified":"2024-05-03T19:00:00+01:00"}
            {"@type":"BreadcrumbList"}
            </script>
            """;

        var article = Parse(head, Story());

        Assert.Equal(new DateTimeOffset(2024, 5, 3, 18, 10, 0, TimeSpan.FromHours(1)), article.Published);
        Assert.Equal(ExtractionMethod.JsonLd, article.Methods["published"]);
        Assert.Equal(new DateTimeOffset(2024, 5, 3, 19, 0, 0, TimeSpan.FromHours(1)), article.Updated);
    }

    [Fact]
    public void A_reportage_news_article_in_json_ld_is_an_article_type()
    {
        var head = """<script type="application/ld+json">{"@type":"ReportageNewsArticle","headline":"Sea wall repairs approved","datePublished":"2024-05-03T20:43:49+0000"}</script>""";

        Assert.Equal(new DateTimeOffset(2024, 5, 3, 20, 43, 49, TimeSpan.Zero), Parse(head, Story()).Published);
    }

    [Fact]
    public void Time_elements_named_published_and_updated_are_kept_apart_whatever_their_order()
    {
        var header = """<p><time class="updated" datetime="2024-05-04T08:00:00+02:00">4 May</time> <time class="entry-date published" datetime="2024-05-03T08:00:00+02:00">3 May</time></p>""";

        var article = Parse("", Story(header));

        Assert.Equal(new DateTimeOffset(2024, 5, 3, 8, 0, 0, TimeSpan.FromHours(2)), article.Published);
        Assert.Equal(new DateTimeOffset(2024, 5, 4, 8, 0, 0, TimeSpan.FromHours(2)), article.Updated);
    }

    [Fact]
    public void A_never_edited_wordpress_post_time_marked_published_and_updated_is_both()
    {
        var header = """<p class="posted-on"><time class="entry-date published updated" datetime="2024-05-03T08:00:00+02:00">3 May 2024</time></p>""";

        var article = Parse("", Story(header));

        Assert.Equal(new DateTimeOffset(2024, 5, 3, 8, 0, 0, TimeSpan.FromHours(2)), article.Published);
        Assert.Equal(new DateTimeOffset(2024, 5, 3, 8, 0, 0, TimeSpan.FromHours(2)), article.Updated);
    }

    [Fact]
    public void The_article_own_published_time_beats_one_in_a_teaser_strip_above_it()
    {
        var body = """
            <div class="trending"><a href="/a">Older story</a> <time class="published" datetime="2024-04-01T08:00:00+02:00">1 April</time></div>
            <article><h1>Sea wall repairs approved</h1><time class="published" datetime="2024-05-03T08:00:00+02:00">3 May 2024</time>
            """ + Html.Paragraphs(6) + "</article>";

        Assert.Equal(new DateOnly(2024, 5, 3), Day(Parse("", body).Published));
    }

    [Fact]
    public void A_comment_marked_as_published_does_not_date_the_article()
    {
        var body = Story("<p>Published: 3 May 2024</p>")
            + """<ol class="comment-list"><li><time class="published" datetime="2024-05-20T08:00:00+02:00">20 May</time> Great news!</li></ol>""";

        Assert.Equal(new DateOnly(2024, 5, 3), Day(Parse("", body).Published));
    }

    [Fact]
    public void Microdata_date_published_in_the_text_is_read_from_its_text()
    {
        var header = """<p>By Jane Roe, <span itemprop="datePublished">May 3, 2024</span></p>""";

        Assert.Equal(new DateOnly(2024, 5, 3), Day(Parse("", Story(header)).Published));
    }

    [Theory]
    [InlineData("https://news.example.com/2024/05/03/sea-wall-repairs/")]
    [InlineData("https://news.example.com/local/2024-05-03-sea-wall-repairs")]
    [InlineData("https://news.example.com/news/20240503/sea-wall-repairs")]
    [InlineData("https://news.example.com/2024/5/3/sea-wall-repairs.html")]
    public void A_date_in_the_url_path_dates_a_page_with_no_other_date(string url)
        => Assert.Equal(new DateOnly(2024, 5, 3), Day(Parse("", Story(), new Uri(url)).Published));

    [Theory]
    [InlineData("https://news.example.com/story/20241340/sea-wall")]
    [InlineData("https://news.example.com/story/sea-wall?date=2024-05-03")]
    [InlineData("https://news.example.com/story/120240503/sea-wall")]
    public void Numbers_that_are_not_a_calendar_day_in_the_path_give_no_date(string url)
        => Assert.Null(Parse("", Story(), new Uri(url)).Published);

    [Theory]
    [InlineData("Published: March 5, 2024", 2024, 3, 5)]
    [InlineData("Posted on 5th March 2024", 2024, 3, 5)]
    [InlineData("Veröffentlicht am 3. Mai 2024, 14:05 Uhr", 2024, 5, 3)]
    [InlineData("Publié le 3 mai 2024 à 14h05", 2024, 5, 3)]
    [InlineData("Publicado el 3 de mayo de 2024", 2024, 5, 3)]
    [InlineData("Publicado em 22 de novembro de 2023", 2023, 11, 22)]
    [InlineData("Pubblicato il 12 settembre 2023", 2023, 9, 12)]
    [InlineData("Gepubliceerd op 3 maart 2024", 2024, 3, 3)]
    [InlineData("公開日 2024年5月3日", 2024, 5, 3)]
    [InlineData("입력 2024.05.03 14:30", 2024, 5, 3)]
    [InlineData("승인 2024.05.03 14:30", 2024, 5, 3)]
    [InlineData("등록 2024-05-03 14:30", 2024, 5, 3)]
    [InlineData("Datum: 03.05.2024", 2024, 5, 3)]
    public void A_labelled_date_near_the_headline_is_read_in_many_languages(string line, int year, int month, int day)
        => Assert.Equal(new DateOnly(year, month, day), Day(Parse("", Story($"<div class=\"info-line\"><span>Jane Roe</span> <span>{line}</span></div>")).Published));

    [Fact]
    public void A_label_in_its_own_element_dates_the_element_after_it()
    {
        var header = """<dl><dt>Mise en ligne</dt><dd>23 mai 2019</dd></dl>""";

        Assert.Equal(new DateOnly(2019, 5, 23), Day(Parse("", Story(header)).Published));
    }

    [Fact]
    public void Labelled_published_and_updated_dates_are_kept_apart()
    {
        var header = "<p>Updated: 4 May 2024 09:00</p><p>Published: 3 May 2024 08:00</p>";

        var article = Parse("", Story(header));

        Assert.Equal(new DateOnly(2024, 5, 3), Day(article.Published));
        Assert.Equal(new DateOnly(2024, 5, 4), Day(article.Updated));
    }

    [Fact]
    public void An_unlabelled_date_marked_by_its_class_next_to_the_headline_beats_dated_teasers_elsewhere()
    {
        var body = """
            <div class="related-stories"><span class="date">1 January 2024</span></div>
            <article><h1>Sea wall repairs approved</h1><div class="post-meta">Jane Roe · 3 May 2024</div>
            """ + Html.Paragraphs(6) + "</article>";

        Assert.Equal(new DateOnly(2024, 5, 3), Day(Parse("", body).Published));
    }

    [Fact]
    public void A_marked_date_just_above_the_headline_dates_the_article()
    {
        var body = """<article><p class="published-date">jueves 2 de mayo de 2024</p><h1>Sea wall repairs approved</h1>""" + Html.Paragraphs(6) + "</article>";

        Assert.Equal(new DateOnly(2024, 5, 2), Day(Parse("", body).Published));
    }

    [Fact]
    public void The_site_top_bar_date_above_the_navigation_is_not_the_article_date()
    {
        var body = """
            <div class="top-bar"><span class="date">Saturday, 1 June 2024</span></div>
            <nav><a href="/">Home</a> <a href="/local">Local</a></nav>
            <article><h1>Sea wall repairs approved</h1>
            """ + Html.Paragraphs(6) + "</article>";

        Assert.Null(Parse("", body).Published);
    }

    [Fact]
    public void A_dateline_opening_the_first_paragraph_dates_an_otherwise_undated_page()
    {
        var header = "<p>27.1.2024 - The council met on Tuesday and approved the repairs of the sea wall before winter.</p>";

        Assert.Equal(new DateOnly(2024, 1, 27), Day(Parse("", Story(header)).Published));
    }

    [Fact]
    public void A_date_after_the_fetch_gives_way_to_the_next_source_of_dates()
    {
        var head = """<meta property="article:published_time" content="2031-01-01T00:00:00Z">""";
        var header = """<time datetime="2024-05-03T08:00:00+02:00">3 May 2024</time>""";

        Assert.Equal(new DateTimeOffset(2024, 5, 3, 8, 0, 0, TimeSpan.FromHours(2)), Parse(head, Story(header)).Published);
    }

    [Theory]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("1994-12-31")]
    [InlineData("0000-00-00 00:00:00")]
    public void A_placeholder_or_pre_web_date_is_not_a_publication_date(string placeholder)
    {
        var head = $"""<meta property="article:published_time" content="{placeholder}">""";

        Assert.Null(Parse(head, Story()).Published);
        Assert.Equal(new DateOnly(2024, 5, 3), Day(Parse(head, Story(), new Uri("https://news.example.com/2024/05/03/sea-wall")).Published));
    }

    [Fact]
    public void A_date_with_an_offset_keeps_its_instant_and_its_offset()
    {
        // 23:30 in New York on the 3rd is already the 4th in Seoul (the source's zone): the page's day is the 3rd.
        var head = """<meta property="article:published_time" content="2024-05-03T23:30:00-04:00">""";

        var published = Parse(head, Story()).Published!.Value;

        Assert.Equal(TimeSpan.FromHours(-4), published.Offset);
        Assert.Equal(new DateTimeOffset(2024, 5, 4, 3, 30, 0, TimeSpan.Zero), published);
    }

    [Fact]
    public void The_source_zone_applies_only_to_a_date_written_without_an_offset()
    {
        var head = """<meta property="article:published_time" content="2024-05-03T10:00:00">""";

        var published = Parse(head, Story(), zone: "Europe/Berlin").Published!.Value;

        Assert.Equal(new DateTimeOffset(2024, 5, 3, 10, 0, 0, TimeSpan.FromHours(2)), published);
        Assert.Equal(TimeSpan.FromHours(2), published.Offset);
    }

    [Fact]
    public void A_declared_article_with_no_body_to_find_still_gives_its_title_date_and_author()
    {
        var head = """
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Sea wall repairs approved","datePublished":"2024-05-03T08:00:00+02:00","author":{"@type":"Person","name":"Jane Roe"}}</script>
            """;

        var article = Parse(head, "<div id=\"app\"></div>");

        Assert.Equal("Sea wall repairs approved", article.Title);
        Assert.Equal(new DateTimeOffset(2024, 5, 3, 8, 0, 0, TimeSpan.FromHours(2)), article.Published);
        Assert.Equal("Jane Roe", article.Author);
        Assert.Equal("", article.BodyText);
    }

    [Fact]
    public void A_dated_page_that_declares_no_article_and_has_no_body_gives_no_article()
    {
        const string page = """
            <html><head><title>Example</title><meta property="og:type" content="website"><meta name="date" content="2024-05-03"></head>
            <body><div id="app"></div></body></html>
            """;
        var source = new SourceDefinition { Id = "generic", Name = "Generic", Schedule = "0 0 * * * ?", StartUrls = [PlainUrl] };

        var result = Parser.Parse(Encoding.UTF8.GetBytes(page), Encoding.UTF8, PlainUrl, source, FetchedAt);

        Assert.Null(result.Article);
    }
}
