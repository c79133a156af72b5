using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.IntegrationTests.Fetching;

public sealed class ResilienceTests
{
    [Fact]
    public async Task Two_503s_are_retried_and_the_third_answer_is_fetched()
    {
        var calls = 0;
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/flaky", (HttpContext c) =>
            Interlocked.Increment(ref calls) <= 2 ? Results.StatusCode(503) : Results.Content("<p>ok</p>", "text/html")));
        await using var harness = FetchHarness.Create();

        var result = await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/flaky"));

        var fetched = Assert.IsType<Fetched>(result);
        Assert.Equal("<p>ok</p>", fetched.Encoding.GetString(fetched.Body));
        Assert.Equal(3, site.Hits("/flaky"));
        Assert.Equal(3, fetched.Attempts);
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning); // routine retries are not warnings
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_then_fetched()
    {
        var calls = 0;
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/limited", (HttpContext c) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                c.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(429);
            }

            return Results.Content("<p>finally</p>", "text/html");
        }));
        await using var harness = FetchHarness.Create();

        var result = await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/limited"));

        Assert.IsType<Fetched>(result);
        Assert.Equal(2, site.Hits("/limited"));
        // The retry waited the second the server asked for, not the 10 ms back-off configured for tests.
        Assert.Contains(TimeSpan.FromSeconds(1), harness.Time.RequestedTimers);
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_the_cap_fails_as_rate_limited_without_retrying()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/slow-down", (HttpContext c) =>
        {
            c.Response.Headers.RetryAfter = "3600";
            return Results.StatusCode(429);
        }));
        await using var harness = FetchHarness.Create();

        var result = await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/slow-down"));

        var failed = Assert.IsType<FetchFailed>(result);
        Assert.Equal(FetchErrorKind.RateLimited, failed.Kind);
        Assert.Equal(429, failed.Status);
        Assert.Contains("MaxRetryAfter", failed.Reason);
        Assert.Equal(1, site.Hits("/slow-down"));
    }

    [Fact]
    public async Task A_404_is_asked_once_and_logged_once_with_the_source_id()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/gone", () => Results.NotFound()));
        await using var harness = FetchHarness.Create();

        var result = await harness.FetchAsync(FetchHarness.Source(site.BaseUrl, id: "gone-source"), site.Url("/gone"));

        var failed = Assert.IsType<FetchFailed>(result);
        Assert.Equal(FetchErrorKind.HttpStatus, failed.Kind);
        Assert.Equal(404, failed.Status);
        Assert.Equal(1, site.Hits("/gone"));
        var warning = Assert.Single(harness.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Contains("gone-source", warning.Message);
        Assert.Null(warning.Exception);
    }

    [Fact]
    public async Task A_host_failing_forever_gets_bounded_attempts_then_its_circuit_opens_and_later_fetches_send_nothing()
    {
        await using var dead = await MisbehavingSite.StartAsync(app => app.MapGet("/down", () => Results.StatusCode(500)));
        await using var alive = await MisbehavingSite.StartAsync(app => app.MapGet("/up", () => Results.Content("<p>up</p>", "text/html")));
        await using var harness = FetchHarness.Create();
        var source = FetchHarness.Source(dead.BaseUrl);

        var first = Assert.IsType<FetchFailed>(await harness.FetchAsync(source, dead.Url("/down")));
        Assert.Equal(FetchErrorKind.HttpStatus, first.Kind);
        Assert.Equal(500, first.Status);
        Assert.Equal(3, dead.Hits("/down"));

        var second = Assert.IsType<FetchFailed>(await harness.FetchAsync(source, dead.Url("/down")));
        Assert.Equal(FetchErrorKind.CircuitOpen, second.Kind);
        Assert.Equal(3, dead.Hits("/down"));
        Assert.Equal(0, second.Attempts);

        // The circuit is per host: another site is fetched as usual.
        Assert.IsType<Fetched>(await harness.FetchAsync(FetchHarness.Source(alive.BaseUrl), alive.Url("/up")));
        Assert.Equal(1, alive.Hits("/up"));
        // One line per failed fetch, plus one when the circuit opened; no errors, no stack traces.
        var logged = harness.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).ToList();
        Assert.All(logged, r => Assert.Equal(LogLevel.Warning, r.Level));
        Assert.All(logged, r => Assert.Null(r.Exception));
        Assert.Equal(2, logged.Count(r => r.Category == typeof(PageFetcher).FullName));
        Assert.Single(logged, r => r.Message.Contains("OnCircuitOpened"));
    }

    [Fact]
    public async Task A_body_dripping_slower_than_the_attempt_timeout_times_out_every_attempt()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/drip", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            try
            {
                for (var i = 0; i < 100; i++)
                {
                    await c.Response.WriteAsync("<p>drop</p>", c.RequestAborted);
                    await c.Response.Body.FlushAsync(c.RequestAborted);
                    await Task.Delay(100, c.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as it should.
            }
        }));
        // The short attempt timeout also applies to the robots.txt request before it; on a loaded machine that first
        // request can time out too, and its failures would open the circuit before the third attempt. This test is
        // about attempt timeouts, so the circuit stays out of it.
        await using var harness = FetchHarness.Create(new() { ["Fetching:AttemptTimeout"] = "00:00:00.500", ["Fetching:CircuitMinimumThroughput"] = "100" });

        var result = await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/drip"));

        var failed = Assert.IsType<FetchFailed>(result);
        Assert.Equal(FetchErrorKind.Timeout, failed.Kind);
        Assert.Equal(3, site.Hits("/drip"));
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_every_attempt()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/silent", async (HttpContext c) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, c.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up on this attempt.
            }
        }));
        // The short attempt timeout also applies to the robots.txt request before it; on a loaded machine that first
        // request can time out too, and its failures would open the circuit before the third attempt. This test is
        // about attempt timeouts, so the circuit stays out of it.
        await using var harness = FetchHarness.Create(new() { ["Fetching:AttemptTimeout"] = "00:00:00.300", ["Fetching:CircuitMinimumThroughput"] = "100" });

        var failed = Assert.IsType<FetchFailed>(await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/silent")));

        Assert.Equal(FetchErrorKind.Timeout, failed.Kind);
        Assert.Equal(3, site.Hits("/silent"));
        Assert.Equal(3, failed.Attempts);
    }

    [Fact]
    public async Task A_connection_reset_is_retried_then_reported_as_a_network_failure()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/reset", (HttpContext c) => c.Abort()));
        await using var harness = FetchHarness.Create();

        var result = await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/reset"));

        var failed = Assert.IsType<FetchFailed>(result);
        Assert.Equal(FetchErrorKind.Network, failed.Kind);
        Assert.Equal(3, site.Hits("/reset"));
    }

    [Fact]
    public async Task A_body_shorter_than_its_Content_Length_is_never_returned_as_fetched()
    {
        await using var site = await MisbehavingSite.StartAsync(app => app.MapGet("/truncated", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            c.Response.ContentLength = 10_000;
            await c.Response.WriteAsync("<p>only the start");
            await c.Response.Body.FlushAsync();
            c.Abort();
        }));
        await using var harness = FetchHarness.Create();

        var result = await harness.FetchAsync(FetchHarness.Source(site.BaseUrl), site.Url("/truncated"));

        var failed = Assert.IsType<FetchFailed>(result);
        Assert.Equal(FetchErrorKind.Network, failed.Kind);
        Assert.Equal(3, site.Hits("/truncated"));
    }
}
