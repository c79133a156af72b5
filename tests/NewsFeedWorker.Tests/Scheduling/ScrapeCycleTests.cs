using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Scheduling;

public sealed class ScrapeCycleTests
{
    private readonly FakeSite site = new();
    private readonly FakeFeedStore store = new();
    private readonly FakeLogger<ScrapeCycle> logger = new();

    private ScrapeCycle Cycle() => TestCycles.Over(this.site, this.store, this.logger);

    private static SourceDefinition Source(int maxPages = 1, int maxArticles = 50, TimeSpan? recheck = null) => Some.Source() with
    {
        StartUrls = [FakeSite.Url("list")],
        ArticleLinks = new ArticleLinkRules { MaxPages = maxPages, MaxArticles = maxArticles },
        RecheckWindow = recheck,
    };

    [Fact]
    public async Task A_list_page_leads_to_each_article_which_is_stored_and_the_feeds_are_published_once()
    {
        this.site.ListPage("list", null, "a/1", "a/2").ArticlePage("a/1").ArticlePage("a/2");

        await Cycle().RunAsync(Source(), CancellationToken.None);

        Assert.Equal(["Title of a/1", "Title of a/2"], this.store.SavedArticles.Select(a => a.Title));
        Assert.Equal(1, this.site.Publishes);
        Assert.Equal([(FakeSite.Url("list"), UrlOrigin.Operator), (FakeSite.Url("a/1"), UrlOrigin.Discovered), (FakeSite.Url("a/2"), UrlOrigin.Discovered)],
            this.site.Fetches.Select(f => (f.Url, f.Origin)));
        var status = Assert.Single(this.store.Statuses);
        Assert.Equal("alpha", status.SourceId);
        Assert.NotNull(status.LastSuccess);
        Assert.Null(status.LastError);
        Assert.Equal(0, status.ConsecutiveFailures);
    }

    [Fact]
    public async Task Pages_are_parsed_only_in_a_slot_of_the_shared_parse_gate()
    {
        this.site.ListPage("list", null, "a/1").ArticlePage("a/1");
        var gate = new ParseGate(1);
        using var release = new ManualResetEventSlim(false);
        using var holding = new ManualResetEventSlim(false);
        // Another source's parse holds the only slot.
        var other = Task.Run(() => gate.RunAsync("source", () => { holding.Set(); return release.Wait(TimeSpan.FromSeconds(10)); }, CancellationToken.None));
        Assert.True(holding.Wait(TimeSpan.FromSeconds(10)));
        var cycle = TestCycles.Over(this.site, this.store, this.logger, parseGate: gate);

        var run = Task.Run(() => cycle.RunAsync(Source(), CancellationToken.None));

        // The list page is fetched, then its parse waits for the slot: nothing further happens.
        Assert.True(SpinWait.SpinUntil(() => this.site.Fetches.Count == 1, TimeSpan.FromSeconds(10)));
        Assert.False(SpinWait.SpinUntil(() => run.IsCompleted || this.site.Fetches.Count > 1, TimeSpan.FromMilliseconds(300)));
        release.Set();
        await Task.WhenAll(other, run);
        Assert.Equal(["Title of a/1"], this.store.SavedArticles.Select(a => a.Title));
    }

    [Fact]
    public async Task Validators_from_the_store_are_sent_and_the_new_ones_saved_after_the_article()
    {
        this.site.ListPage("list", null, "a/1").ArticlePage("a/1");
        this.store.Validators[FakeSite.Url("a/1")] = new FetchValidators("\"old\"", null);

        await Cycle().RunAsync(Source(), CancellationToken.None);

        Assert.Equal("\"old\"", this.site.Fetches.Single(f => f.Url == FakeSite.Url("a/1")).Validators.ETag);
        Assert.Equal("\"etag-/a/1\"", this.store.Validators[FakeSite.Url("a/1")].ETag);
        Assert.Equal("\"etag-/list\"", this.store.Validators[FakeSite.Url("list")].ETag);
    }

    [Fact]
    public async Task A_not_modified_list_page_costs_nothing_more()
    {
        this.site.ListPage("list", null, "a/1").ArticlePage("a/1");
        this.site.Overrides[FakeSite.Url("list")] = new NotModified(FakeSite.Url("list"), new FetchValidators("\"same\"", null));

        await Cycle().RunAsync(Source(), CancellationToken.None);

        Assert.Equal([FakeSite.Url("list")], this.site.Fetches.Select(f => f.Url));
        Assert.Empty(this.store.SavedArticles);
        Assert.Equal(0, this.site.Publishes);
        Assert.Equal(304, Assert.Single(this.store.SavedFetchStates).Status);
        Assert.NotNull(Assert.Single(this.store.Statuses).LastSuccess);
    }

    [Fact]
    public async Task A_list_page_read_in_full_is_remembered_with_its_links_and_next_page()
    {
        this.site.ListPage("list", FakeSite.Url("list2"), "a/1", "a/2").ListPage("list2", null, "a/3")
            .ArticlePage("a/1").ArticlePage("a/2").ArticlePage("a/3");

        await Cycle().RunAsync(Source(maxPages: 2), CancellationToken.None);

        Assert.Equal([FakeSite.Url("a/1"), FakeSite.Url("a/2")], this.store.ListLinks[FakeSite.Url("list")].Links);
        Assert.Equal(FakeSite.Url("list2"), this.store.ListLinks[FakeSite.Url("list")].NextPage);
        Assert.Equal([FakeSite.Url("a/3")], this.store.ListLinks[FakeSite.Url("list2")].Links);
        Assert.False(this.store.ListLinks.ContainsKey(FakeSite.Url("a/1")));
    }

    [Fact]
    public async Task A_not_modified_list_page_still_has_its_remembered_articles_rechecked_and_its_next_page_read()
    {
        this.site.ListPage("list2", null, "a/3").ArticlePage("a/1").ArticlePage("a/2").ArticlePage("a/3");
        this.site.Overrides[FakeSite.Url("list")] = new NotModified(FakeSite.Url("list"), new FetchValidators("\"same\"", null));
        this.store.ListLinks[FakeSite.Url("list")] = new NewsFeedWorker.Storage.ListPageLinks([FakeSite.Url("a/1"), FakeSite.Url("a/2")], FakeSite.Url("list2"));
        this.store.Validators[FakeSite.Url("a/1")] = new FetchValidators("\"a1\"", null);
        this.store.PastRecheckWindow.Add(FakeSite.Url("a/2"));

        await Cycle().RunAsync(Source(maxPages: 2), CancellationToken.None);

        Assert.Equal([FakeSite.Url("list"), FakeSite.Url("list2"), FakeSite.Url("a/1"), FakeSite.Url("a/3")], this.site.Fetches.Select(f => f.Url));
        Assert.Equal("\"a1\"", this.site.Fetches.Single(f => f.Url == FakeSite.Url("a/1")).Validators.ETag);
        Assert.Equal(["Title of a/1", "Title of a/3"], this.store.SavedArticles.Select(a => a.Title));
    }

    [Fact]
    public async Task Pagination_is_followed_up_to_max_pages()
    {
        this.site.ListPage("list", FakeSite.Url("list2"), "a/1")
            .ListPage("list2", FakeSite.Url("list3"), "a/2")
            .ListPage("list3", null, "a/3")
            .ArticlePage("a/1").ArticlePage("a/2").ArticlePage("a/3");

        await Cycle().RunAsync(Source(maxPages: 2), CancellationToken.None);

        Assert.DoesNotContain(this.site.Fetches, f => f.Url == FakeSite.Url("list3"));
        Assert.Equal(UrlOrigin.Discovered, this.site.Fetches.Single(f => f.Url == FakeSite.Url("list2")).Origin);
        Assert.Equal(["Title of a/1", "Title of a/2"], this.store.SavedArticles.Select(a => a.Title));
    }

    [Fact]
    public async Task At_most_max_articles_are_fetched_and_links_seen_twice_count_once()
    {
        this.site.ListPage("list", null, "a/1", "a/2", "a/1", "a/3", "a/4").ArticlePage("a/1").ArticlePage("a/2").ArticlePage("a/3").ArticlePage("a/4");

        await Cycle().RunAsync(Source(maxArticles: 3), CancellationToken.None);

        Assert.Equal(["Title of a/1", "Title of a/2", "Title of a/3"], this.store.SavedArticles.Select(a => a.Title));
    }

    [Fact]
    public async Task Articles_past_the_recheck_window_are_not_fetched_and_the_window_defaults_to_48_hours()
    {
        this.site.ListPage("list", null, "a/1", "a/2").ArticlePage("a/1").ArticlePage("a/2");
        this.store.PastRecheckWindow.Add(FakeSite.Url("a/1"));

        await Cycle().RunAsync(Source(), CancellationToken.None);

        Assert.DoesNotContain(this.site.Fetches, f => f.Url == FakeSite.Url("a/1"));
        Assert.All(this.store.RecheckQuestions, q => Assert.Equal(TimeSpan.FromHours(48), q.Window));
        Assert.Equal(["Title of a/2"], this.store.SavedArticles.Select(a => a.Title));
    }

    [Fact]
    public async Task A_source_recheck_window_overrides_the_default()
    {
        this.site.ListPage("list", null, "a/1").ArticlePage("a/1");

        await Cycle().RunAsync(Source(recheck: TimeSpan.FromHours(6)), CancellationToken.None);

        Assert.Equal(TimeSpan.FromHours(6), Assert.Single(this.store.RecheckQuestions).Window);
    }

    [Fact]
    public async Task A_page_without_an_article_logs_no_article_found_with_its_url_and_stores_nothing()
    {
        this.site.ListPage("list", null, "a/broken").BrokenPage("a/broken");

        await Cycle().RunAsync(Source(), CancellationToken.None);

        var line = Assert.Single(this.logger.Collector.GetSnapshot(), r => r.Message.Contains("no article found", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("http://127.0.0.1:9/a/broken", line.Message);
        Assert.Contains("no title found", line.Message);
        Assert.Empty(this.store.SavedArticles);
        Assert.Equal(0, this.site.Publishes);
    }

    [Fact]
    public async Task A_failed_article_makes_the_run_a_failed_one_the_others_are_stored_and_the_list_is_fetched_again_next_time()
    {
        this.site.ListPage("list", null, "a/missing", "a/2").ArticlePage("a/2");

        await Cycle().RunAsync(Source(), CancellationToken.None);

        Assert.Equal(["Title of a/2"], this.store.SavedArticles.Select(a => a.Title));
        var status = Assert.Single(this.store.Statuses);
        Assert.Contains("a/missing: 404 Not Found", status.LastError);
        Assert.Equal(1, status.ConsecutiveFailures);
        Assert.Equal(1, status.FailedPages);
        Assert.Null(status.LastSuccess);
        Assert.DoesNotContain(this.store.SavedFetchStates, s => s.Url == FakeSite.Url("list"));
        Assert.Equal(1, this.site.Publishes);
    }

    [Fact]
    public async Task A_page_that_breaks_the_parser_is_a_failed_page_and_the_articles_after_it_are_stored()
    {
        this.site.ListPage("list", null, "a/1", "a/poison", "a/3").ArticlePage("a/1").ThrowingPage("a/poison").ArticlePage("a/3");

        await Cycle().RunAsync(Source(), CancellationToken.None);
        await Cycle().RunAsync(Source(), CancellationToken.None);

        Assert.Equal(["Title of a/1", "Title of a/3", "Title of a/1", "Title of a/3"], this.store.SavedArticles.Select(a => a.Title));
        Assert.Equal([1, 2], this.store.Statuses.Select(s => s.ConsecutiveFailures));
        var status = this.store.Statuses[^1];
        Assert.Equal(1, status.FailedPages);
        Assert.Equal("http://127.0.0.1:9/a/poison: ArgumentException: String contains invalid Unicode code points.", status.LastError);
        // Logged once per run, with the source and the page.
        var lines = this.logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Warning).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Equal(("alpha", "http://127.0.0.1:9/a/poison"), (line.GetStructuredStateValue("SourceId"), line.GetStructuredStateValue("Url"))));
    }

    [Fact]
    public async Task A_page_the_parser_gives_up_on_is_a_failed_page_whose_validators_are_not_kept()
    {
        this.site.ListPage("list", null, "a/bomb", "a/2").ArticlePage("a/2");
        this.site.Pages[FakeSite.Url("a/bomb")] = new PageParseResult { Url = FakeSite.Url("a/bomb"), Failure = "too complex: more than 100,000 elements" };

        await Cycle().RunAsync(Source(), CancellationToken.None);

        Assert.Equal(["Title of a/2"], this.store.SavedArticles.Select(a => a.Title));
        var status = Assert.Single(this.store.Statuses);
        Assert.Equal(1, status.FailedPages);
        Assert.Equal(1, status.ConsecutiveFailures);
        Assert.Contains("a/bomb: too complex", status.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(this.store.SavedFetchStates, s => s.Url == FakeSite.Url("a/bomb"));
        Assert.DoesNotContain(this.logger.Collector.GetSnapshot(), r => r.Message.Contains("no article found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_site_counts_consecutive_failures()
    {
        this.site.Overrides[FakeSite.Url("list")] = new FetchFailed(FakeSite.Url("list"), FetchErrorKind.Network, "Name or service not known");

        await Cycle().RunAsync(Source(), CancellationToken.None);
        await Cycle().RunAsync(Source(), CancellationToken.None);

        Assert.Equal([1, 2], this.store.Statuses.Select(s => s.ConsecutiveFailures));
        Assert.Null(this.store.Statuses[^1].LastSuccess);
        Assert.Contains(this.logger.Collector.GetSnapshot(), r => r.Message.Contains("Name or service not known", StringComparison.Ordinal));
        Assert.Contains(this.logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Information && r.Message.Contains("1 failures", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Weather_is_stored_once_per_cycle()
    {
        WeatherSnapshot[] weather = [new() { Provider = "기상청", Readings = [new WeatherReading("서울", "흐림", 16.4m)] }];
        this.site.ListPage("list", null, "a/1", "a/2").ArticlePage("a/1", weather).ArticlePage("a/2", weather);

        await Cycle().RunAsync(Source(), CancellationToken.None);

        Assert.Equal("서울", Assert.Single(this.store.SavedWeather).Readings[0].Station);
    }

    [Fact]
    public async Task An_unexpected_failure_is_recorded_on_the_source_and_left_to_the_job_to_log()
    {
        this.site.ListPage("list", null, "a/1").ArticlePage("a/1");
        this.store.FailOnSave = new InvalidOperationException("disk full");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Cycle().RunAsync(Source(), CancellationToken.None));

        Assert.Equal("disk full", error.Message);
        Assert.Equal("disk full", Assert.Single(this.store.Statuses).LastError);
        Assert.Equal(0, this.site.Publishes);
    }
}
