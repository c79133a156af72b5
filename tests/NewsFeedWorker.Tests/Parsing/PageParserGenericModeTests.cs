using System.Text;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>The sample site's pages with no selectors at all: generic extraction plus the parse stage's own cleaning.</summary>
public sealed class PageParserGenericModeTests
{
    private static readonly PageParser Parser = new();

    private static PageParseResult Parse(string page, Uri url) =>
        Parser.Parse(Some.SamplePage(page), Encoding.UTF8, url, Some.Source(), Some.FetchedAt);

    [Fact]
    public void The_seed_article_without_selectors_still_gives_title_body_dates_and_credit()
    {
        var result = Parse("article-1001.html", Some.Article(1001));

        var article = Assert.IsType<Article>(result.Article);
        Assert.Equal("행정안전부, '제8회 전자정부의 날' 기념행사 개최, AI시대 공공AX 본격화 논의", article.Title);
        Assert.Equal(Some.TestText("article-1001.expected.txt"), article.BodyText);
        Assert.Equal("행정안전부", article.Origin);
        Assert.Equal(new DateTimeOffset(2025, 6, 25, 16, 12, 0, TimeSpan.FromHours(9)), article.Published);
        Assert.Equal(new DateTimeOffset(2025, 6, 25, 17, 5, 0, TimeSpan.FromHours(9)), article.Updated);
        Assert.Equal("이정민", article.Author);
        Assert.Equal("IT/과학", article.Category);
        Assert.Equal(Some.Article(1001), article.Url);
        Assert.DoesNotContain(ExtractionMethod.Selector, article.Methods.Values);
        Assert.Equal(PageParserArticleTests.SeedReadings(), Assert.Single(result.Weather).Readings);
        Assert.Equal(3, result.Teasers.Count);
    }

    [Fact]
    public void The_second_article_without_selectors_gives_the_same_body_as_with_them()
    {
        var article = Parse("article-1002.html", Some.Article(1002)).Article!;

        Assert.Equal("다시 돌아온 ‘경기 살리기 통큰 세일’…경상원 “소비자 편의 위해 절차·혜택 대폭 개선”", article.Title);
        Assert.Equal(Some.TestText("article-1002.expected.txt"), article.BodyText);
        Assert.Equal("경기도시장상권진흥원", article.Origin);
    }

    [Fact]
    public void The_short_third_article_without_selectors_gives_only_its_three_paragraphs()
    {
        var article = Parse("article-1003.html", Some.Article(1003)).Article!;

        Assert.Equal(
            "(포탈뉴스통신) 경북 동해안 대게 금어기가 풀리면서 영덕 강구항에서 첫 위판이 열렸다.\n\n"
            + "영덕군수협에 따르면 이날 새벽 강구항 위판장에는 대게 1만여 마리가 올라왔으며, 최고 낙찰가는 마리당 25만 원을 기록했다.\n\n"
            + "수협 관계자는 “올해는 수온이 안정돼 어획량이 지난해보다 늘 것으로 본다”고 말했다.",
            article.BodyText);
        Assert.Equal("영덕군", article.Origin);
        Assert.Equal("영덕 강구항 새벽 위판에 대게 1만여 마리", article.Subtitle);
    }

    [Fact]
    public void A_list_page_without_selectors_gives_links_and_no_article()
    {
        var result = Parse("list-1.html", new Uri(Some.SiteRoot, "articleList.html?sc_section_code=S1N6"));

        Assert.Null(result.Article);
        Assert.Equal([Some.Article(1001), Some.Article(1002), Some.Article(1003)], result.ArticleLinks);
    }
}
