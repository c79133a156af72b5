using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.IntegrationTests.Fetching;

public sealed class ConditionalGetTests
{
    private static readonly DateTimeOffset Changed = new(2025, 11, 8, 6, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_repeat_request_with_the_validators_it_got_is_answered_304_and_reads_no_body()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/article", (HttpContext c) =>
        {
            c.Response.Headers.ETag = "\"v1\"";
            c.Response.Headers.LastModified = Changed.ToString("R");
            return c.Request.Headers.IfNoneMatch == "\"v1\""
                ? Results.StatusCode(304)
                : Results.Content("<p>the article</p>", "text/html");
        }));
        await using var harness = FetchHarness.Create();
        var source = FetchHarness.Source(site.BaseUrl);

        var first = Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/article")));
        Assert.Equal("\"v1\"", first.Validators.ETag);
        Assert.Equal(Changed, first.Validators.LastModified);

        var second = await harness.FetchAsync(source, site.Url("/article"), validators: first.Validators);

        var notModified = Assert.IsType<NotModified>(second);
        Assert.Equal("\"v1\"", notModified.Validators.ETag);
        Assert.Equal(2, site.Hits("/article"));
        var repeat = site.Requests.Last(r => r.Path == "/article");
        Assert.Equal("\"v1\"", repeat.IfNoneMatch);
        Assert.Equal(Changed.ToString("R"), repeat.IfModifiedSince);
    }

    [Fact]
    public async Task The_user_agent_names_the_worker_and_a_contact_url()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/", () => Results.Content("<p>hi</p>", "text/html")));
        await using var harness = FetchHarness.Create();

        await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/"));

        Assert.All(site.Requests, r => Assert.Matches(@"^NewsFeedWorker/\d+\.\d+\.\d+ \(\+https://example\.org/newsfeedworker-contact\)$", r.UserAgent));
    }
}
