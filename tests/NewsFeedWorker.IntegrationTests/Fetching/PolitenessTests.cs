using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.IntegrationTests.Fetching;

public sealed class PolitenessTests
{
    [Fact]
    public async Task Concurrent_fetches_to_one_host_reach_it_one_at_a_time_by_default()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/page/{n}", async (int n) =>
        {
            await Task.Delay(50);
            return Results.Content($"<p>{n}</p>", "text/html");
        }));
        await using var harness = FetchHarness.Create();
        var source = FetchHarness.Source(site.BaseUrl);

        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(n => harness.FetchAsync(source, site.Url($"/page/{n}"))));

        Assert.All(results, r => Assert.IsType<Fetched>(r));
        Assert.Equal(5, site.TotalHits); // four pages and robots.txt
        Assert.Equal(1, site.MaxInFlight);
    }

    [Fact]
    public async Task A_request_to_a_host_waits_out_the_delay_since_the_previous_one()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/page/{n}", (int n) => Results.Content($"<p>{n}</p>", "text/html")));
        var delay = TimeSpan.FromSeconds(1); // long enough that no scheduling stall on a busy machine can use it up
        await using var harness = FetchHarness.Create(new() { ["Fetching:DelayBetweenRequests"] = delay.ToString() });
        var source = FetchHarness.Source(site.BaseUrl);

        Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/page/1")));
        Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/page/2")));

        // robots.txt, page 1 and page 2: two gaps, each a wait the gate asked the clock for (never longer than the delay).
        var waits = harness.Time.RequestedTimers.Where(t => t > TimeSpan.Zero && t <= delay).ToList();
        Assert.True(waits.Count >= 2, $"expected two politeness waits, saw [{string.Join(", ", harness.Time.RequestedTimers)}]");
        Assert.Equal(3, site.TotalHits);
    }

    [Fact]
    public async Task A_source_override_of_the_delay_is_used_instead_of_the_global_one()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/page/{n}", (int n) => Results.Content($"<p>{n}</p>", "text/html")));
        await using var harness = FetchHarness.Create(new() { ["Fetching:DelayBetweenRequests"] = "00:00:05" });
        var source = FetchHarness.Source(site.BaseUrl, politeness: new Sources.PolitenessSettings { Delay = TimeSpan.FromSeconds(1) });

        Assert.IsType<Fetched>(await harness.FetchAsync(source, site.Url("/page/1")));

        Assert.Contains(harness.Time.RequestedTimers, t => t > TimeSpan.Zero && t <= TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(harness.Time.RequestedTimers, t => t > TimeSpan.FromSeconds(4) && t <= TimeSpan.FromSeconds(5));
    }
}
