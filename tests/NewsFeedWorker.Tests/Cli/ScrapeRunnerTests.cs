using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsFeedWorker.Cli;
using NewsFeedWorker.SampleSite;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Tests.Scheduling;

namespace NewsFeedWorker.Tests.Cli;

/// <summary>The dry run against the sample site over loopback HTTP, next to a stored cycle of the same source.</summary>
public sealed class ScrapeRunnerTests : IAsyncLifetime
{
    private readonly List<string> requests = [];
    private WebApplication site = null!;
    private Uri root = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        this.site = builder.Build();
        this.site.Use(async (context, next) =>
        {
            lock (this.requests)
            {
                this.requests.Add(context.Request.Path + context.Request.QueryString);
            }

            await next(context);
        });
        this.site.MapSampleSite();
        await this.site.StartAsync();
        this.root = new Uri(this.site.Urls.First());
    }

    public async Task DisposeAsync() => await this.site.DisposeAsync();

    [Fact]
    public async Task The_dry_run_and_the_stored_cycle_take_the_same_pages_within_the_source_limits()
    {
        // The first list page links three articles and a next page; the source allows one list page and two articles.
        var source = Parsing.Some.Source(links: new ArticleLinkRules { MaxPages = 1, MaxArticles = 2 }) with
        {
            StartUrls = [new Uri(this.root, "/sample/news/articleList.html?sc_section_code=S1N6")],
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Fetching:DelayBetweenRequests"] = "00:00:00" }).Build();
        await using var services = ScrapeCommand.Services(configuration);

        var dryRun = await ScrapeCommand.Runner(services).RunSourceAsync(source, CancellationToken.None);
        var dryRunPages = TakePages();
        var store = new FakeFeedStore();
        await ActivatorUtilities.CreateInstance<ScrapeCycle>(services, new StoreCycleSink(store, _ => Task.CompletedTask)).RunAsync(source, CancellationToken.None);
        var cyclePages = TakePages();

        string[] expected =
        [
            "/sample/news/articleList.html?sc_section_code=S1N6",
            "/sample/news/articleView.html?idxno=1001",
            "/sample/news/articleView.html?idxno=1002",
        ];
        Assert.Equal(expected, dryRunPages);
        Assert.Equal(expected, cyclePages);
        Assert.Equal(expected.Select(path => new Uri(this.root, path)), dryRun.Pages.Select(p => p.Url));
        Assert.Empty(dryRun.Errors);
        Assert.Equal(2, store.SavedArticles.Count);
    }

    /// <summary>The pages requested since the last call, robots.txt aside.</summary>
    private List<string> TakePages()
    {
        lock (this.requests)
        {
            var pages = this.requests.Where(path => !path.StartsWith("/robots.txt", StringComparison.Ordinal)).ToList();
            this.requests.Clear();
            return pages;
        }
    }
}
