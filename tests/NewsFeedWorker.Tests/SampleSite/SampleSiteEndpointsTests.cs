using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.SampleSite;

namespace NewsFeedWorker.Tests.SampleSite;

/// <summary>The demo site over real loopback HTTP: its list page leads to its articles, which parse as in the golden tests.</summary>
public sealed class SampleSiteEndpointsTests : IAsyncLifetime
{
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapSampleSite();
        await app.StartAsync();
        client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task The_list_page_links_to_article_pages_that_are_served_and_parse()
    {
        var listUrl = new Uri(client.BaseAddress!, "/sample/news/articleList.html?sc_section_code=S1N6");
        var list = new PageParser().Parse(await client.GetByteArrayAsync(listUrl), Encoding.UTF8, listUrl, Parsing.Some.Configured, Parsing.Some.FetchedAt);

        Assert.Equal(new Uri(client.BaseAddress!, "/sample/news/articleList.html?page=2&total=4&sc_section_code=S1N6&view_type=sm"), list.NextPage);
        var first = list.ArticleLinks[0];
        Assert.Equal(new Uri(client.BaseAddress!, "/sample/news/articleView.html?idxno=1001"), first);

        var article = new PageParser().Parse(await client.GetByteArrayAsync(first), Encoding.UTF8, first, Parsing.Some.Configured, Parsing.Some.FetchedAt).Article;
        Assert.Equal("행정안전부, '제8회 전자정부의 날' 기념행사 개최, AI시대 공공AX 본격화 논의", article!.Title);
        Assert.Equal(first, article.Url);
    }

    [Fact]
    public async Task Unknown_articles_are_not_found_and_the_root_redirects_to_the_list()
    {
        using var missing = await client.GetAsync(new Uri("/sample/news/articleView.html?idxno=7777", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = client.BaseAddress };
        using var root = await noRedirects.GetAsync(new Uri("/sample/", UriKind.Relative));
        Assert.Equal("/sample/news/articleList.html?sc_section_code=S1N6", root.Headers.Location?.OriginalString);
    }
}
