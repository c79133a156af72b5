using NewsFeedWorker.Parsing;
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
    public void A_dated_declared_article_whose_text_is_all_furniture_still_gives_title_and_date()
    {
        var head = """<script type="application/ld+json">{"@type":"Article","headline":"Sea wall repairs approved","datePublished":"2020-02-04T13:15:08+00:00"}</script>""";
        var body = """<article><h1>Sea wall repairs approved</h1><div class="share"><ul><li><a href="#print">Print</a></li><li><a href="#mail">Mail</a></li></ul></div></article>""";

        var article = Parse(head, body);

        Assert.Equal("Sea wall repairs approved", article.Title);
        Assert.Equal(new DateTimeOffset(2020, 2, 4, 13, 15, 8, TimeSpan.Zero), article.Published);
    }
}
