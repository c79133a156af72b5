using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsFeedWorker.Hosting;
using NewsFeedWorker.IntegrationTests.Support;

namespace NewsFeedWorker.IntegrationTests.Diagnostics;

[Collection(InProcessWorkerCollection.Name)]
public sealed class DiagnosticsEndpointsTests : IDisposable
{
    private readonly WorkerSettings settings = new();

    public void Dispose() => settings.Dispose();

    private static HttpClient ClientFor(WebApplication app) =>
        new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };

    /// <summary>Polls /health until every source has a recorded run (the start-up cycles are done).</summary>
    private static async Task<JsonElement> WaitForRunsAsync(HttpClient http, params string[] sourceIds)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/health", UriKind.Relative))).RootElement;
            var runs = json.GetProperty("checks").GetProperty("runs").GetProperty("data");
            if (sourceIds.All(id => runs.GetProperty(id).GetProperty("lastRun").ValueKind != JsonValueKind.Null))
            {
                return json;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The start-up cycles never recorded a run.");
    }

    /// <summary>The metrics text once the start-up job of each source has finished (it ends after its status is recorded).</summary>
    private static async Task<string> WaitForJobsAsync(HttpClient http, params string[] sourceIds)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            if (sourceIds.All(id => Sample(metrics, "newsfeedworker_job_duration_seconds_count", $"source=\"{id}\"") > 0))
            {
                return metrics;
            }

            await Task.Delay(100);
        }

        var health = await http.GetStringAsync(new Uri("/health", UriKind.Relative));
        var last = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        throw new TimeoutException($"The start-up jobs never finished.\n{health}\n{string.Join('\n', last.Split('\n').Where(l => l.StartsWith("newsfeedworker_", StringComparison.Ordinal) && !l.Contains("_bucket", StringComparison.Ordinal)))}");
    }

    private static double Sample(string metrics, string name, params string[] labels)
    {
        var values = metrics.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(l => line.Contains(l, StringComparison.Ordinal)))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return values.Count == 0 ? 0 : values.Sum();
    }

    [Fact]
    public async Task Metrics_counters_move_after_a_cycle_over_a_local_site_and_a_feed_request()
    {
        await using var site = await FixtureSite.StartAsync();
        settings.WriteSources(("metrics-site", site.StartUrl));
        await using var app = WorkerHost.Build(settings.Overrides());
        await app.StartAsync();
        using var http = ClientFor(app);

        // The start-up cycle may finish before any request, so no "before" sample: a fresh host's counters start at
        // zero, and equal to what the fixture site served they can only have moved by this cycle.
        await WaitForJobsAsync(http, "metrics-site");
        using var feed = await http.GetAsync(new Uri("/feeds/all.atom", UriKind.Relative));
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/feeds/all.atom");
        conditional.Headers.IfNoneMatch.Add(feed.Headers.ETag!);
        using var notModified = await http.SendAsync(conditional);
        using var metricsResponse = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var after = await metricsResponse.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, metricsResponse.StatusCode);
        Assert.StartsWith("text/plain", metricsResponse.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(site.ArticleRequests, Sample(after, "newsfeedworker_articles_total", "source=\"metrics-site\"", "outcome=\"new\""));
        Assert.True(site.ArticleRequests > 0, string.Join(", ", site.Requests));
        // One fetch per page; robots.txt is not a page, and /sample/ is a redirect followed within one fetch.
        Assert.Equal(site.Requests.Count(r => r is not "/robots.txt" and not "/sample/"), Sample(after, "newsfeedworker_fetch_count_total", "source=\"metrics-site\"", "result=\"fetched\""));
        Assert.True(Sample(after, "newsfeedworker_fetch_duration_seconds_count", "source=\"metrics-site\"") > 0);
        // Second-sized buckets, not OpenTelemetry's millisecond defaults.
        Assert.Equal(Sample(after, "newsfeedworker_fetch_duration_seconds_count", "source=\"metrics-site\""), Sample(after, "newsfeedworker_fetch_duration_seconds_bucket", "source=\"metrics-site\"", "le=\"600\""));
        Assert.Contains(after.Split('\n'), l => l.StartsWith("newsfeedworker_fetch_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("le=\"0.25\"", StringComparison.Ordinal));
        Assert.True(Sample(after, "newsfeedworker_fetch_body_size_bytes_sum", "source=\"metrics-site\"") > 1000);
        Assert.Equal(1, Sample(after, "newsfeedworker_job_duration_seconds_count", "source=\"metrics-site\"", "result=\"ok\""));
        Assert.True(1 == Sample(after, "newsfeedworker_feed_requests_total", "format=\"atom\"", "http_response_status_code=\"200\""), after);
        Assert.Equal(1, Sample(after, "newsfeedworker_feed_requests_total", "format=\"atom\"", "http_response_status_code=\"304\""));
        Assert.DoesNotContain(site.StartUrl.ToString(), after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_failing_the_configured_number_of_runs_turns_health_degraded_with_its_reason_and_stays_out_of_the_feeds()
    {
        await using var site = await FixtureSite.StartAsync();
        settings.WriteSources(("metrics-site", site.StartUrl), ("broken", new Uri("http://127.0.0.1:9/list")));
        var overrides = settings.Overrides();
        overrides["Diagnostics:DegradedAfterFailures"] = "1";
        await using var app = WorkerHost.Build(overrides);
        await app.StartAsync();
        using var http = ClientFor(app);

        await WaitForJobsAsync(http, "metrics-site", "broken");
        var health = await WaitForRunsAsync(http, "metrics-site", "broken");
        using var healthResponse = await http.GetAsync(new Uri("/health", UriKind.Relative));
        // A connection the retention run had open during the swap still sees the old file until it is returned and
        // dropped from the cleared pool; the check answers from a fresh connection after that.
        var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        for (var attempt = 0; ready.StatusCode == HttpStatusCode.OK && attempt < 100; attempt++)
        {
            ready.Dispose();
            await Task.Delay(50);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        }

        using var disposeReady = ready;
        using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        var readyJson = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        var feed = await http.GetStringAsync(new Uri("/feeds/all.rss", UriKind.Relative));

        // The run's status is stored before the job's duration and the last fetch counter are exported: wait for them
        // rather than read a scrape taken in between.
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        for (var attempt = 0; attempt < 100 && (Sample(metrics, "newsfeedworker_fetch_count_total", "source=\"broken\"", "result=\"failed\"") < 1
                 || Sample(metrics, "newsfeedworker_job_duration_seconds_count", "source=\"broken\"") < 1); attempt++)
        {
            await Task.Delay(50);
            metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }

        var runs = health.GetProperty("checks").GetProperty("runs");
        var broken = runs.GetProperty("data").GetProperty("broken");
        var fixture = runs.GetProperty("data").GetProperty("metrics-site");
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, healthResponse.StatusCode);
        Assert.Equal("Failing 1+ runs in a row: broken", runs.GetProperty("description").GetString());
        Assert.Equal(1, broken.GetProperty("consecutiveFailures").GetInt32());
        Assert.Contains("127.0.0.1:9", broken.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, broken.GetProperty("lastSuccess").ValueKind);
        Assert.Equal(0, fixture.GetProperty("consecutiveFailures").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, fixture.GetProperty("lastSuccess").ValueKind);
        Assert.Equal(site.ArticleRequests, fixture.GetProperty("articlesLast24h").GetInt32());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", readyJson.GetProperty("status").GetString());
        Assert.Equal(["scheduler", "storage"], readyJson.GetProperty("checks").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.DoesNotContain("127.0.0.1:9", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("broken", feed, StringComparison.Ordinal);
        Assert.Equal(1, Sample(metrics, "newsfeedworker_fetch_count_total", "source=\"broken\"", "result=\"failed\""));
        Assert.Equal(1, Sample(metrics, "newsfeedworker_job_duration_seconds_count", "source=\"broken\""));
    }

    [Fact]
    public async Task Readiness_fails_with_503_when_the_storage_cannot_be_reached()
    {
        settings.WriteSources(("broken", new Uri("http://127.0.0.1:9/list")));
        var overrides = settings.Overrides(runOnStart: false);
        await using var app = WorkerHost.Build(overrides);
        await app.StartAsync();
        using var http = ClientFor(app);

        // The SQLite file is replaced by a folder of the same name under the running worker (a broken volume). Retried:
        // the start-up retention run may be writing (and recreating the file) at that moment.
        for (var attempt = 0; !Directory.Exists(settings.SqliteFile); attempt++)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(settings.SqliteFile + file);
            }

            try
            {
                Directory.CreateDirectory(settings.SqliteFile);
            }
            catch (IOException) when (attempt < 50)
            {
                await Task.Delay(50);
            }
        }

        // A connection the retention run had open during the swap still sees the old file until it is returned and
        // dropped from the cleared pool; the check answers from a fresh connection after that.
        var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        for (var attempt = 0; ready.StatusCode == HttpStatusCode.OK && attempt < 100; attempt++)
        {
            ready.Dispose();
            await Task.Delay(50);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        }

        using var disposeReady = ready;
        using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", json.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
