using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Scheduling;

public sealed class ScrapeCycleMetricsTests : IDisposable
{
    private readonly FakeSite site = new();
    private readonly FakeFeedStore store = new();
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => this.services.Dispose();

    private IMeterFactory Meters => this.services.GetRequiredService<IMeterFactory>();

    private ScrapeCycle Cycle() => TestCycles.Over(this.site, this.store, metrics: new SchedulingMetrics(Meters));

    private static SourceDefinition Source() => Some.Source() with
    {
        StartUrls = [FakeSite.Url("list")],
        ArticleLinks = new ArticleLinkRules { MaxPages = 1, MaxArticles = 50 },
    };

    [Fact]
    public async Task Articles_are_counted_by_outcome_and_pages_without_an_article_by_reason()
    {
        using var articles = new MetricCollector<long>(Meters, SchedulingMetrics.MeterName, "newsfeedworker.articles");
        using var failures = new MetricCollector<long>(Meters, SchedulingMetrics.MeterName, "newsfeedworker.parse.failures");
        this.site.ListPage("list", null, "a/1", "a/2", "broken").ArticlePage("a/1").ArticlePage("a/2").BrokenPage("broken");

        await Cycle().RunAsync(Source(), CancellationToken.None);
        await Cycle().RunAsync(Source(), CancellationToken.None);

        var byOutcome = articles.GetMeasurementSnapshot()
            .GroupBy(m => (string)m.Tags["outcome"]!)
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(new Dictionary<string, long> { ["new"] = 2, ["duplicate"] = 2 }, byOutcome);
        Assert.All(articles.GetMeasurementSnapshot(), m => Assert.Equal("alpha", m.Tags["source"]));
        var noArticle = failures.GetMeasurementSnapshot();
        Assert.Equal(2, noArticle.Count);
        Assert.All(noArticle, m => Assert.Equal("no_article", m.Tags["reason"]));
    }

    [Fact]
    public async Task Progress_reports_list_pages_then_each_article_and_what_was_stored()
    {
        this.site.ListPage("list", null, "a/1", "a/2").ArticlePage("a/1").ArticlePage("a/2");
        var reports = new List<CycleProgress>();

        await Cycle().RunAsync(Source(), new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.Equal(
            [new(1, 2, 0, 0, 0, 0), new(1, 2, 0, 0, 0, 0), new(1, 2, 1, 1, 0, 0), new(1, 2, 2, 2, 0, 0)],
            reports);
    }

    private sealed class SynchronousProgress(Action<CycleProgress> report) : IProgress<CycleProgress>
    {
        public void Report(CycleProgress value) => report(value);
    }
}
