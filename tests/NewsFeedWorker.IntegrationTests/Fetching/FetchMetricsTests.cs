using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.IntegrationTests.Fetching;

public sealed class FetchMetricsTests
{
    [Fact]
    public async Task Every_outcome_is_recorded_with_status_size_attempts_and_error_kind()
    {
        var calls = 0;
        await using var site = await MisbehavingSite.StartAsync(app =>
        {
            app.MapGet("/ok", () => Results.Content("<p>twelve b</p>", "text/html"));
            app.MapGet("/missing", () => Results.NotFound());
            app.MapGet("/flaky", () => Interlocked.Increment(ref calls) == 1 ? Results.StatusCode(502) : Results.Content("<p>x</p>", "text/html"));
        });
        await using var harness = FetchHarness.Create();
        var factory = harness.Services.GetRequiredService<IMeterFactory>();
        using var count = new MetricCollector<long>(factory, FetchMetrics.MeterName, "newsfeedworker.fetch.count");
        using var size = new MetricCollector<long>(factory, FetchMetrics.MeterName, "newsfeedworker.fetch.body.size");
        using var attempts = new MetricCollector<int>(factory, FetchMetrics.MeterName, "newsfeedworker.fetch.attempts");
        var outcomes = new List<FetchOutcome>();
        harness.Services.GetRequiredService<FetchMetrics>().Recorded += outcomes.Add;
        var source = FetchHarness.Source(site.BaseUrl, id: "metered");

        await harness.FetchAsync(source, site.Url("/ok"));
        await harness.FetchAsync(source, site.Url("/missing"));
        await harness.FetchAsync(source, site.Url("/flaky"));

        var counted = count.GetMeasurementSnapshot();
        Assert.Equal(3, counted.Count);
        Assert.All(counted, m => Assert.Equal("metered", m.Tags["source"]));
        Assert.Equal(["fetched", "failed", "fetched"], counted.Select(m => (string?)m.Tags["result"]));
        Assert.Equal("HttpStatus", counted[1].Tags["error.type"]);
        Assert.Equal(404, counted[1].Tags["http.response.status_code"]);
        Assert.Equal([15L, 8L], size.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Equal([1, 1, 2], attempts.GetMeasurementSnapshot().Select(m => m.Value));

        Assert.Equal([site.Url("/ok"), site.Url("/missing"), site.Url("/flaky")], outcomes.Select(o => o.Url));
        Assert.Equal(FetchErrorKind.HttpStatus, outcomes[1].ErrorKind);
        Assert.All(outcomes, o => Assert.True(o.Duration > TimeSpan.Zero));
    }
}
