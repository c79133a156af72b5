using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.IntegrationTests.Fetching;

public sealed class RobotsTxtTests
{
    private const string Robots = """
        User-agent: *
        Disallow: /

        User-agent: NewsFeedWorker
        Disallow: /private/
        Allow: /private/public-notice
        """;

    private static Task<MisbehavingSite> StartSiteAsync() => MisbehavingSite.StartAsync(app =>
    {
        app.MapGet("/robots.txt", () => Results.Text(Robots, "text/plain"));
        app.MapGet("/private/{page}", (string page) => Results.Content($"<p>{page}</p>", "text/html"));
        app.MapGet("/news/{page}", (string page) => Results.Content($"<p>{page}</p>", "text/html"));
    });

    [Fact]
    public async Task A_page_robots_txt_disallows_for_our_agent_is_never_requested()
    {
        await using var site = await StartSiteAsync();
        await using var harness = FetchHarness.Create();

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/private/secret")));

        Assert.Equal(FetchErrorKind.RobotsDisallowed, failed.Kind);
        Assert.Equal(0, site.Hits("/private/secret"));
        Assert.Equal(1, site.Hits("/robots.txt"));
    }

    [Fact]
    public async Task Allowed_pages_are_fetched_and_robots_txt_is_asked_once_per_host()
    {
        await using var site = await StartSiteAsync();
        await using var harness = FetchHarness.Create();
        var source = FetchHarness.Source(site.BaseUrl);

        Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/news/1")));
        Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/news/2")));
        Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/private/public-notice")));

        Assert.Equal(1, site.Hits("/robots.txt"));
        Assert.Equal(3, site.Hits("/news/1") + site.Hits("/news/2") + site.Hits("/private/public-notice"));
    }

    [Fact]
    public async Task Robots_txt_is_fetched_again_once_its_cache_period_is_over()
    {
        await using var site = await StartSiteAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 11, 8, 0, 0, 0, TimeSpan.Zero));
        await using var harness = FetchHarness.Create(new() { ["Fetching:RobotsTxtCacheDuration"] = "01:00:00" }, time: clock);
        var source = FetchHarness.Source(site.BaseUrl);

        Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/news/1")));
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/news/2")));
        Assert.Equal(1, site.Hits("/robots.txt"));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/news/3")));
        Assert.Equal(2, site.Hits("/robots.txt"));
    }

    [Fact]
    public async Task A_source_that_opts_out_fetches_disallowed_pages_and_the_opt_out_is_logged_once()
    {
        await using var site = await StartSiteAsync();
        await using var harness = FetchHarness.Create();
        var source = FetchHarness.Source(site.BaseUrl, id: "rude-source", politeness: new PolitenessSettings { ObeyRobotsTxt = false });

        Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/private/a")));
        Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/private/b")));

        Assert.Equal(0, site.Hits("/robots.txt"));
        var optOut = Assert.Single(harness.Logs.GetSnapshot(), r => r.Message.Contains("ignore robots.txt"));
        Assert.Equal(LogLevel.Warning, optOut.Level);
        Assert.Contains("rude-source", optOut.Message);
        Assert.Equal([source], PageFetcher.SourcesIgnoringRobotsTxt([source, FetchHarness.Source(site.BaseUrl, id: "polite")]));
    }

    [Fact]
    public async Task Opt_outs_announced_at_start_up_are_not_logged_again_on_first_fetch()
    {
        await using var site = await StartSiteAsync();
        await using var harness = FetchHarness.Create();
        var rude = FetchHarness.Source(site.BaseUrl, id: "rude-source", politeness: new PolitenessSettings { ObeyRobotsTxt = false });
        var polite = FetchHarness.Source(site.BaseUrl, id: "polite-source");

        harness.Fetcher.AnnounceRobotsTxtOptOuts([rude, polite]);
        Assert.IsType<Fetched>(await harness.FetchAsync(rude, site.Url("/private/a")));

        var optOut = Assert.Single(harness.Logs.GetSnapshot(), r => r.Message.Contains("ignore robots.txt"));
        Assert.Contains("rude-source", optOut.Message);
    }

    [Fact]
    public async Task A_robots_txt_answering_5xx_keeps_the_host_off_limits()
    {
        await using var site = await MisbehavingSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.StatusCode(503));
            app.MapGet("/news/1", () => Results.Content("<p>1</p>", "text/html"));
        });
        await using var harness = FetchHarness.Create();

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/news/1")));

        Assert.Equal(FetchErrorKind.RobotsDisallowed, failed.Kind);
        Assert.Contains("could not be read", failed.Reason);
        Assert.Equal(0, site.Hits("/news/1"));
    }
}
