using System.Text;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>The sample site's section list pages (ndsoft <c>articleList.html</c>): links, pagination, no article.</summary>
public sealed class PageParserListTests
{
    private static readonly PageParser Parser = new();
    private static readonly Uri FirstPage = new(Some.SiteRoot, "articleList.html?sc_section_code=S1N6");
    private static readonly Uri SecondPage = new(Some.SiteRoot, "articleList.html?page=2&total=4&sc_section_code=S1N6&view_type=sm");

    [Fact]
    public void A_list_page_gives_article_links_in_page_order_and_no_article()
    {
        var result = Parser.Parse(Some.SamplePage("list-1.html"), Encoding.UTF8, FirstPage, Some.Configured, Some.FetchedAt);

        Assert.Null(result.Article);
        Assert.StartsWith("no article:", result.NoArticleReason, StringComparison.Ordinal);
        Assert.Equal([Some.Article(1001), Some.Article(1002), Some.Article(1003)], result.ArticleLinks);
        Assert.Equal(SecondPage, result.NextPage);
        Assert.Empty(result.Teasers);
        Assert.Equal(16, Assert.Single(result.Weather).Readings.Count);
    }

    [Fact]
    public void The_last_list_page_has_no_next_page()
    {
        var result = Parser.Parse(Some.SamplePage("list-2.html"), Encoding.UTF8, SecondPage, Some.Configured, Some.FetchedAt);

        Assert.Equal([Some.Article(1003), Some.Article(1004), Some.Article(1002), Some.Article(1001)], result.ArticleLinks);
        Assert.Null(result.NextPage);
    }

    [Fact]
    public void A_configured_link_selector_limits_links_to_the_list_itself()
    {
        var source = Some.Source(Some.PortalNewsSelectors, Some.PortalNewsWeather, new ArticleLinkRules
        {
            Selector = "#section-list h4.titles a",
            NextPage = ".pagination-next a",
        });

        var result = Parser.Parse(Some.SamplePage("list-1.html"), Encoding.UTF8, FirstPage, source, Some.FetchedAt);

        Assert.Equal([Some.Article(1001), Some.Article(1002)], result.ArticleLinks);
        Assert.Equal(SecondPage, result.NextPage);
        Assert.Empty(result.Errors);
        Assert.False(result.LinkSelectorMissed);
    }

    [Fact]
    public void A_link_selector_that_matches_nothing_is_reported_and_the_article_shapes_apply()
    {
        var source = Some.Source(Some.PortalNewsSelectors, Some.PortalNewsWeather, new ArticleLinkRules { Selector = "ul.old-skin a" });

        var result = Parser.Parse(Some.SamplePage("list-1.html"), Encoding.UTF8, FirstPage, source, Some.FetchedAt);

        Assert.True(result.LinkSelectorMissed);
        Assert.Contains("articleLinks: selector 'ul.old-skin a' matched nothing; used article URL shapes", result.Errors);
        Assert.Equal([Some.Article(1001), Some.Article(1002), Some.Article(1003)], result.ArticleLinks);
    }

    [Fact]
    public void A_url_pattern_replaces_the_built_in_article_shapes()
    {
        var source = Some.Source(Some.PortalNewsSelectors, Some.PortalNewsWeather, new ArticleLinkRules { UrlPattern = @"idxno=100[0-2]$" });

        var result = Parser.Parse(Some.SamplePage("list-1.html"), Encoding.UTF8, FirstPage, source, Some.FetchedAt);

        Assert.Equal([Some.Article(1001), Some.Article(1002)], result.ArticleLinks);
    }

    [Fact]
    public void A_broken_url_pattern_is_an_error_and_the_built_in_shapes_apply()
    {
        var source = Some.Source(Some.PortalNewsSelectors, Some.PortalNewsWeather, new ArticleLinkRules { UrlPattern = "idxno=(" });

        var result = Parser.Parse(Some.SamplePage("list-1.html"), Encoding.UTF8, FirstPage, source, Some.FetchedAt);

        Assert.Contains("articleLinks.urlPattern: 'idxno=(' is not a valid regular expression; used article URL shapes", result.Errors);
        Assert.Equal([Some.Article(1001), Some.Article(1002), Some.Article(1003)], result.ArticleLinks);
    }

    [Fact]
    public void Links_to_other_sites_are_not_article_links()
    {
        const string html = """
            <html><body>
            <a href="https://other.example/news/articleView.html?idxno=1">elsewhere</a>
            <a href="/news/articleView.html?idxno=7#comments">here</a>
            <a href="https://www.news.example.kr/news/articleView.html?idxno=8">www of the same site</a>
            <a href="javascript:go(9)">script</a>
            </body></html>
            """;

        var result = Parser.Parse(Encoding.UTF8.GetBytes(html), Encoding.UTF8, new Uri("https://news.example.kr/news/articleList.html"), Some.Configured, Some.FetchedAt);

        Assert.Equal([new Uri("https://news.example.kr/news/articleView.html?idxno=7"), new Uri("https://www.news.example.kr/news/articleView.html?idxno=8")], result.ArticleLinks);
    }

    [Fact]
    public void Rel_next_and_base_href_are_followed()
    {
        const string html = """
            <html><head><base href="https://news.example.kr/archive/"><link rel="next" href="list?page=3"></head>
            <body><a href="story/20251108123456">a story</a></body></html>
            """;

        var result = Parser.Parse(Encoding.UTF8.GetBytes(html), Encoding.UTF8, new Uri("https://news.example.kr/list?page=2"), Some.Configured, Some.FetchedAt);

        Assert.Equal(new Uri("https://news.example.kr/archive/list?page=3"), result.NextPage);
        Assert.Equal([new Uri("https://news.example.kr/archive/story/20251108123456")], result.ArticleLinks);
    }
}
