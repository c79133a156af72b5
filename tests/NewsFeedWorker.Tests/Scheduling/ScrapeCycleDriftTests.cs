using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NewsFeedWorker.Drift;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Scheduling;

/// <summary>The cycle's part in drift detection: every run is tallied on its own, one that ends in an exception included.</summary>
public sealed class ScrapeCycleDriftTests
{
    private readonly FakeSite site = new();
    private readonly FakeFeedStore store = new();
    private readonly DriftMonitor drift = new(new FakeTimeProvider(), new FakeLogger<DriftMonitor>());

    [Fact]
    public async Task A_run_that_ends_in_an_exception_is_neither_judged_nor_counted_into_the_next_run()
    {
        Pages("a", titleBySelector: true);
        await Cycle().RunAsync(Source(), CancellationToken.None);

        // The template changes; the store fails after the first article page was read.
        Pages("b", titleBySelector: false);
        this.store.FailOnSave = new InvalidOperationException("disk full");
        await Assert.ThrowsAsync<InvalidOperationException>(() => Cycle().RunAsync(Source(), CancellationToken.None));
        Assert.Empty(this.drift.WarningsOf("site"));

        this.store.FailOnSave = null;
        Pages("c", titleBySelector: false);
        await Cycle().RunAsync(Source(), CancellationToken.None);

        // Two pages: the run's own, not the failed run's page on top.
        Assert.Equal("title: \"h3.heading\" matched nothing on 2 of 2 pages", Assert.Single(this.drift.WarningsOf("site")).Message);
        Assert.Equal(["title: \"h3.heading\" matched nothing on 2 of 2 pages"], (await this.store.GetDriftAsync(CancellationToken.None))["site"]);
    }

    [Fact]
    public async Task A_healthy_run_after_a_failed_one_learns_only_its_own_pages()
    {
        Pages("a", titleBySelector: true);
        await Cycle().RunAsync(Source(), CancellationToken.None);
        Pages("b", titleBySelector: true);
        this.store.FailOnSave = new InvalidOperationException("disk full");
        await Assert.ThrowsAsync<InvalidOperationException>(() => Cycle().RunAsync(Source(), CancellationToken.None));

        this.store.FailOnSave = null;
        Pages("c", titleBySelector: true);
        await Cycle().RunAsync(Source(), CancellationToken.None);

        var title = Assert.Single(this.drift.Learned("site"), l => l.Field == "title");
        Assert.Equal((4, 4), (title.Filled, title.Pages));
    }

    private ScrapeCycle Cycle() => TestCycles.Over(this.site, this.store, drift: this.drift);

    private static SourceDefinition Source() => Some.Source() with
    {
        Id = "site",
        StartUrls = [FakeSite.Url("list")],
        Selectors = new ArticleSelectors { Title = "h3.heading" },
    };

    /// <summary>The list page links two new article pages under <paramref name="prefix"/>; their title comes from the selector or not.</summary>
    private void Pages(string prefix, bool titleBySelector)
    {
        this.site.ListPage("list", null, $"{prefix}/1", $"{prefix}/2");
        foreach (var path in new[] { $"{prefix}/1", $"{prefix}/2" })
        {
            var url = FakeSite.Url(path);
            var methods = new Dictionary<string, ExtractionMethod> { ["title"] = titleBySelector ? ExtractionMethod.Selector : ExtractionMethod.Meta };
            this.site.Pages[url] = new PageParseResult
            {
                Url = url,
                Article = new Article { Url = url, Title = $"Title of {path}", BodyHtml = "<p>body</p>", BodyText = "body", Methods = methods },
            };
        }
    }
}
