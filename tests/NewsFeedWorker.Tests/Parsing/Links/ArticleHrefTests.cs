using NewsFeedWorker.Parsing.Links;

namespace NewsFeedWorker.Tests.Parsing.Links;

public sealed class ArticleHrefTests
{
    private static readonly Uri Page = new("https://www.example.com/news/2024/05/front");

    [Theory]
    [InlineData("/section/politics")]
    [InlineData("https://example.com/tag/economy?sort=new")]
    [InlineData("//m.example.com/about-us#top")]
    [InlineData("  /contact  ")]
    [InlineData("https://twitter.com/share?url=https://example.com/article/123456")]
    [InlineData("https://cdn1.other-site.org/2024/05/01/a-long-story-slug")]
    [InlineData("/section/2024")]
    [InlineData("/tag/123456")]
    [InlineData("https://example.com/list.php?page=12345")]
    public void Hrefs_of_another_site_or_of_no_article_shape_surely_are_no_article_links(string href)
    {
        Assert.True(ArticleHref.SurelyNot(href, Page, []));
    }

    [Theory]
    [InlineData("/article/123456")]
    [InlineData("https://example.com/2024/05/01/a-long-story-slug")]
    [InlineData("/news/articleView.html?idxno=12345")]
    [InlineData("/News/ArticleView")]
    [InlineData("story-slug")]
    [InlineData("?page=2")]
    [InlineData("../article/123456")]
    [InlineData("/articles/../article/123456")]
    [InlineData("/article//123456")]
    [InlineData("https://example.com?idxno=12345")]
    [InlineData("/%EB%89%B4%EC%8A%A4")]
    [InlineData("/뉴스/기사")]
    [InlineData("/a b")]
    [InlineData("https://example.com:8080/contact")]
    [InlineData("https://127.0.0.1/contact")]
    [InlineData("https://user@example.org/contact")]
    [InlineData("https://example.org./contact")]
    [InlineData("http://other.org\\2024\\05\\01\\story-slug")]
    [InlineData("javascript:void(0)")]
    public void Hrefs_that_may_resolve_to_an_article_link_are_left_to_the_full_test(string href)
    {
        Assert.False(ArticleHref.SurelyNot(href, Page, []));
    }

    [Fact]
    public void An_allowed_host_is_tested_by_its_path_like_the_pages_own_site()
    {
        Assert.False(ArticleHref.SurelyNot("https://news.partner.com/view/story-77", Page, ["partner.com", "news.partner.com"]));
        Assert.True(ArticleHref.SurelyNot("https://news.partner.com/about", Page, ["news.partner.com"]));
        Assert.True(ArticleHref.SurelyNot("https://news.partner.com/view/story-77", Page, ["partner.com"]));
    }
}
