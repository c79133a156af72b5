using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NewsFeedWorker.Drift;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Tests.Drift;

public sealed class DriftMonitorTests
{
    private static readonly SourceDefinition Source = new()
    {
        Id = "site",
        Name = "Site",
        Schedule = "0 */15 * * * ?",
        StartUrls = [new Uri("https://site.example/list")],
        ArticleLinks = new ArticleLinkRules { Selector = "h4.titles a" },
        Selectors = new ArticleSelectors { Title = "h3.heading", Body = "#body" },
    };

    private readonly FakeLogger<DriftMonitor> log = new();
    private readonly DriftMonitor monitor;

    public DriftMonitorTests() => this.monitor = new DriftMonitor(new FakeTimeProvider(), this.log);

    [Fact]
    public void A_list_that_stops_giving_links_is_named_with_its_selector()
    {
        Run(Source, links: 3, titleBySelector: true);
        Run(Source, links: 0, titleBySelector: true, linkSelectorMissed: true);

        var warning = Assert.Single(this.monitor.WarningsOf("site"));
        Assert.Equal("articleLinks: \"h4.titles a\" matched nothing on 1 of 1 list pages (they gave 3 links before)", warning.Message);
    }

    [Fact]
    public void A_selector_that_never_matched_is_not_drift()
    {
        Run(Source, links: 3, titleBySelector: false);
        Run(Source, links: 3, titleBySelector: false);

        Assert.Empty(this.monitor.WarningsOf("site"));
    }

    [Fact]
    public void A_warning_is_logged_once_and_clears_when_the_selector_matches_again()
    {
        Run(Source, links: 3, titleBySelector: true);
        Run(Source, links: 3, titleBySelector: false);
        Run(Source, links: 3, titleBySelector: false);
        Assert.Equal("title: \"h3.heading\" matched nothing on 1 of 1 pages", Assert.Single(this.monitor.WarningsOf("site")).Message);

        Run(Source, links: 3, titleBySelector: true);

        Assert.Empty(this.monitor.WarningsOf("site"));
        Assert.Single(this.log.Collector.GetSnapshot(), r => r.Message.Contains("drifted", StringComparison.Ordinal));
        Assert.Single(this.log.Collector.GetSnapshot(), r => r.Message.Contains("title matches again", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_its_selector_fills_on_only_some_pages_is_not_drift_when_a_run_misses_it()
    {
        Run(Source, links: 3, titleBySelector: true, articles: 2);
        Run(Source, links: 3, titleBySelector: false);

        // Filled on 1 of the 2 pages of the healthy run: an optional field, not a changed template.
        Assert.Empty(this.monitor.WarningsOf("site"));
    }

    [Fact]
    public void Removing_the_drifted_selector_from_the_source_clears_its_warning()
    {
        Run(Source, links: 3, titleBySelector: true);
        Run(Source, links: 3, titleBySelector: false);

        Run(Source with { Selectors = Source.Selectors! with { Title = null } }, links: 3, titleBySelector: false);

        Assert.Empty(this.monitor.WarningsOf("site"));
    }

    [Fact]
    public void A_changed_selector_starts_its_history_anew_and_its_old_warning_goes_with_the_reload()
    {
        Run(Source, links: 3, titleBySelector: true);
        Run(Source, links: 3, titleBySelector: false);
        var repaired = Source with { Selectors = Source.Selectors! with { Title = "h2.headline" } };

        this.monitor.SourcesChanged([repaired]);

        Assert.Empty(this.monitor.WarningsOf("site"));
        // The new selector has no healthy run behind it yet: matching nothing is not drift.
        Run(repaired, links: 3, titleBySelector: false);
        Assert.Empty(this.monitor.WarningsOf("site"));
        Assert.DoesNotContain(this.monitor.Learned("site"), l => l.Field == "title");
    }

    [Fact]
    public void A_restarted_monitor_catches_a_selector_already_broken_at_its_first_run()
    {
        Run(Source, links: 3, titleBySelector: true);
        var restarted = new DriftMonitor(new FakeTimeProvider(), this.log);

        restarted.Restore(new Dictionary<string, IReadOnlyList<LearnedSelector>> { ["site"] = this.monitor.Learned("site") }, [Source]);
        Run(Source, links: 3, titleBySelector: false, monitor: restarted);

        Assert.Equal("title: \"h3.heading\" matched nothing on 1 of 1 pages", Assert.Single(restarted.WarningsOf("site")).Message);
    }

    [Fact]
    public void Restored_warnings_are_in_force_before_any_run_unless_their_selector_has_changed_since()
    {
        var since = new DateTimeOffset(2026, 12, 5, 3, 0, 0, TimeSpan.Zero);
        var learned = new Dictionary<string, IReadOnlyList<LearnedSelector>>
        {
            ["site"] =
            [
                new("title", "h3.heading", 5, 5) { Warning = "title: \"h3.heading\" matched nothing on 5 of 5 pages", WarnedSince = since },
                new("body", "#old-body", 5, 5) { Warning = "body: \"#old-body\" matched nothing on 5 of 5 pages", WarnedSince = since },
                new("articleLinks", "h4.titles a", 12, 0),
            ],
            ["removed"] = [new("title", "h1", 1, 1) { Warning = "title: \"h1\" matched nothing on 1 of 1 pages", WarnedSince = since }],
        };

        this.monitor.Restore(learned, [Source]);

        Assert.Equal([new DriftWarning("title", "h3.heading", "title: \"h3.heading\" matched nothing on 5 of 5 pages", since)], this.monitor.WarningsOf("site"));
        Assert.Equal(["site"], this.monitor.Warnings.Keys);
        Assert.Equal(["articleLinks", "title"], this.monitor.Learned("site").Select(l => l.Field));
        // The dropped body row is written back at the source's next run.
        Assert.True(this.monitor.RunEnded(Source));
    }

    /// <summary>One run: a list page, then <paramref name="articles"/> article pages of which only the first has the title by its selector.</summary>
    private void Run(SourceDefinition source, int links, bool titleBySelector, bool linkSelectorMissed = false, int articles = 1, DriftMonitor? monitor = null)
    {
        monitor ??= this.monitor;
        monitor.RunStarted(source);
        var list = new PageParseResult
        {
            Url = source.StartUrls[0],
            ArticleLinks = [.. Enumerable.Range(1, links).Select(i => new Uri(source.StartUrls[0], $"/a/{i}"))],
            LinkSelectorMissed = linkSelectorMissed,
        };
        monitor.PageRead(source, listPage: true, list);
        for (var i = 1; i <= articles; i++)
        {
            var methods = new Dictionary<string, ExtractionMethod>
            {
                ["title"] = titleBySelector && i == 1 ? ExtractionMethod.Selector : ExtractionMethod.Meta,
                ["body"] = ExtractionMethod.Selector,
            };
            var article = new Article { Url = new Uri(source.StartUrls[0], $"/a/{i}"), Title = "t", BodyHtml = "<p>b</p>", BodyText = "b", Methods = methods };
            monitor.PageRead(source, listPage: false, new PageParseResult { Url = article.Url, Article = article });
        }

        monitor.RunEnded(source);
    }
}
