using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.IntegrationTests.Fetching;

/// <summary>
/// "public.test" plays a public news site: the test resolver sends it to 127.0.0.1, so everything stays on
/// loopback while the fetcher has to tell operator-trusted URLs from links it discovered.
/// </summary>
public sealed class PrivateAddressTests
{
    private static Task<MisbehavingSite> StartSiteAsync() => MisbehavingSite.StartAsync(app =>
    {
        app.MapGet("/front", (HttpContext c) => Results.Content(
            $"<a href=\"http://127.0.0.1:{c.Connection.LocalPort}/secret\">admin</a>", "text/html"));
        app.MapGet("/secret", () => Results.Content("<p>internal</p>", "text/html"));
        app.MapGet("/article", () => Results.Content("<p>article</p>", "text/html"));
        app.MapGet("/away", (HttpContext c) => Results.Redirect($"http://127.0.0.1:{c.Connection.LocalPort}/secret"));
        app.MapGet("/to-other-loopback", (HttpContext c) => Results.Redirect($"http://127.0.0.2:{c.Connection.LocalPort}/secret"));
        app.MapGet("/to-other-site", (HttpContext c) => Results.Redirect($"http://elsewhere.test:{c.Connection.LocalPort}/article"));
    });

    private static SourceDefinition PublicSource(MisbehavingSite site, params string[] allowedHosts) =>
        FetchHarness.Source(site.Url("public.test", "/front"), allowedHosts: allowedHosts.Length > 0 ? allowedHosts : null);

    [Fact]
    public async Task A_link_to_127_0_0_1_found_on_a_public_host_page_is_not_fetched()
    {
        await using var site = await StartSiteAsync();
        await using var harness = FetchHarness.Create(resolver: MappedHostResolver.Loopback("public.test"));
        var source = PublicSource(site);

        // The operator's own URL is trusted, even though (in this test) it resolves to loopback.
        var front = Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("public.test", "/front")));
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(front.Encoding.GetString(front.Body), "href=\"([^\"]+)\"").Groups[1].Value);

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(source, link, UrlOrigin.Discovered));

        Assert.Equal(FetchErrorKind.DisallowedUrl, failed.Kind);
        Assert.Equal(0, site.Hits("/secret"));
    }

    [Fact]
    public async Task An_allowed_host_that_resolves_to_a_private_address_is_not_fetched_for_a_discovered_link()
    {
        await using var site = await StartSiteAsync();
        await using var harness = FetchHarness.Create(resolver: MappedHostResolver.Loopback("public.test", "intranet.test"));
        var source = PublicSource(site, "public.test", "intranet.test");

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(source, site.Url("intranet.test", "/secret"), UrlOrigin.Discovered));

        Assert.Equal(FetchErrorKind.DisallowedUrl, failed.Kind);
        Assert.Contains("non-public address 127.0.0.1", failed.Reason);
        Assert.Equal(0, site.TotalHits);
    }

    [Fact]
    public async Task A_host_that_rebinds_to_loopback_after_the_check_is_refused_at_connect_time()
    {
        await using var site = await StartSiteAsync();
        var rebinding = new MappedHostResolver(new Dictionary<string, IPAddress[][]>(StringComparer.OrdinalIgnoreCase)
        {
            ["public.test"] = [[IPAddress.Loopback]],
            // First answer (the policy check) looks public; every later one (the connect) is loopback.
            ["rebind.test"] = [[IPAddress.Parse("93.184.216.34")], [IPAddress.Loopback]],
        });
        await using var harness = FetchHarness.Create(resolver: rebinding);
        var source = PublicSource(site, "public.test", "rebind.test") with { Politeness = new PolitenessSettings { ObeyRobotsTxt = false } };

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(source, site.Url("rebind.test", "/secret"), UrlOrigin.Discovered));

        Assert.Equal(FetchErrorKind.DisallowedUrl, failed.Kind);
        Assert.Contains("resolves to a private", failed.Reason); // the connect-time guard, not the first check
        Assert.Equal(1, failed.Attempts); // refused, not retried
        Assert.Equal(0, site.TotalHits);
    }

    [Fact]
    public async Task A_trusted_page_redirecting_to_a_private_address_on_another_host_is_not_followed()
    {
        await using var site = await StartSiteAsync();
        await using var harness = FetchHarness.Create(resolver: MappedHostResolver.Loopback("public.test"));

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(PublicSource(site), site.Url("public.test", "/away")));

        Assert.Equal(FetchErrorKind.DisallowedUrl, failed.Kind);
        Assert.Equal(1, site.Hits("/away"));
        Assert.Equal(0, site.Hits("/secret"));
    }

    [Fact]
    public async Task A_robots_txt_redirecting_to_a_private_address_on_another_host_is_not_followed()
    {
        await using var site = await MisbehavingSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", (HttpContext c) => Results.Redirect($"http://127.0.0.1:{c.Connection.LocalPort}/internal-robots.txt"));
            app.MapGet("/internal-robots.txt", () => Results.Text("User-agent: *\nDisallow: /"));
            app.MapGet("/article", () => Results.Content("<p>article</p>", "text/html"));
        });
        await using var harness = FetchHarness.Create(resolver: MappedHostResolver.Loopback("public.test"));
        var source = FetchHarness.Source(site.Url("public.test", "/article"));

        var fetched = Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("public.test", "/article")));

        Assert.Equal(1, site.Hits("/robots.txt"));
        Assert.Equal(0, site.Hits("/internal-robots.txt")); // its "Disallow: /" would have blocked the article
        Assert.Equal("<p>article</p>", fetched.Encoding.GetString(fetched.Body));
    }

    [Fact]
    public async Task A_discovered_link_to_a_host_outside_the_allowed_hosts_is_not_fetched()
    {
        await using var site = await StartSiteAsync();
        await using var harness = FetchHarness.Create(resolver: MappedHostResolver.Loopback("public.test", "elsewhere.test"));

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(PublicSource(site), site.Url("elsewhere.test", "/article"), UrlOrigin.Discovered));

        Assert.Equal(FetchErrorKind.DisallowedUrl, failed.Kind);
        Assert.Contains("allowed hosts", failed.Reason);
        Assert.Equal(0, site.TotalHits);
    }

    [Theory]
    [InlineData(UrlOrigin.Operator)]
    [InlineData(UrlOrigin.Discovered)]
    public async Task A_source_on_a_private_address_does_not_follow_a_redirect_to_another_private_address(UrlOrigin origin)
    {
        await using var site = await StartSiteAsync();
        await using var harness = FetchHarness.Create();
        var sampleSite = FetchHarness.Source(site.Url("/front"));

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(sampleSite, site.Url("/to-other-loopback"), origin));

        // Refused before any connection: 127.0.0.2 is not the source's host, and a private address is reached only as that.
        Assert.Equal(FetchErrorKind.DisallowedUrl, failed.Kind);
        Assert.Equal("host 127.0.0.2 is not among the source's allowed hosts", failed.Reason);
    }

    [Fact]
    public async Task An_operator_url_redirecting_to_a_host_outside_the_allowed_hosts_is_not_followed()
    {
        await using var site = await StartSiteAsync();
        await using var harness = FetchHarness.Create(resolver: MappedHostResolver.Loopback("public.test", "elsewhere.test"));

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(PublicSource(site), site.Url("public.test", "/to-other-site")));

        Assert.Equal(FetchErrorKind.DisallowedUrl, failed.Kind);
        Assert.Equal("host elsewhere.test is not among the source's allowed hosts", failed.Reason);
        Assert.Equal(0, site.Hits("/article"));
    }

    [Fact]
    public async Task On_a_site_the_operator_configured_on_loopback_discovered_links_are_followed()
    {
        await using var site = await StartSiteAsync();
        await using var harness = FetchHarness.Create();
        var sampleSite = FetchHarness.Source(site.Url("/front"));

        var fetched = Assert.IsType<Fetched>(await harness.FetchAsync(sampleSite, site.Url("/article"), UrlOrigin.Discovered));

        Assert.Equal("<p>article</p>", fetched.Encoding.GetString(fetched.Body));
        Assert.Equal(1, site.Hits("/article"));
    }
}
