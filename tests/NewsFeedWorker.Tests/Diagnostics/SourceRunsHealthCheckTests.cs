using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsFeedWorker.Diagnostics;
using NewsFeedWorker.Storage;
using NewsFeedWorker.Tests.Scheduling;

namespace NewsFeedWorker.Tests.Diagnostics;

public sealed class SourceRunsHealthCheckTests
{
    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_source_failing_three_runs_in_a_row_degrades_health_and_is_named()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Some.MinimalSource, Some.MinimalSource.Replace("alpha", "beta")));
        var store = new FakeFeedStore();
        var check = new SourceRunsHealthCheck(harness.Catalog, [store], Microsoft.Extensions.Options.Options.Create(new DiagnosticsOptions()));

        await store.SaveSourceStatusAsync(new SourceStatus { SourceId = "beta", ConsecutiveFailures = 2, LastError = "timeout" }, CancellationToken.None);
        var twoFailures = await check.CheckHealthAsync(new HealthCheckContext());
        await store.SaveSourceStatusAsync(new SourceStatus { SourceId = "beta", ConsecutiveFailures = 3, LastError = "timeout" }, CancellationToken.None);
        var threeFailures = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, twoFailures.Status);
        Assert.Equal(HealthStatus.Degraded, threeFailures.Status);
        Assert.Equal("Failing 3+ runs in a row: beta", threeFailures.Description);
        Assert.Equal(["alpha", "beta"], threeFailures.Data.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_failure_threshold_comes_from_the_settings_and_the_data_carries_the_reason_and_article_counts()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Some.MinimalSource));
        var store = new FakeFeedStore();
        var check = new SourceRunsHealthCheck(harness.Catalog, [store], Microsoft.Extensions.Options.Options.Create(new DiagnosticsOptions { DegradedAfterFailures = 1 }));
        var failedAt = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

        await store.SaveSourceStatusAsync(new SourceStatus { SourceId = "alpha", ConsecutiveFailures = 1, LastError = "http://x/: timeout", LastErrorAt = failedAt, ArticlesLast24h = 7, TotalArticles = 40 }, CancellationToken.None);
        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("Failing 1+ runs in a row: alpha", result.Description);
        var json = System.Text.Json.JsonSerializer.SerializeToElement(result.Data["alpha"], WebJson);
        Assert.Equal("http://x/: timeout", json.GetProperty("lastError").GetString());
        Assert.Equal(failedAt, json.GetProperty("lastErrorAt").GetDateTimeOffset());
        Assert.Equal(7, json.GetProperty("articlesLast24h").GetInt32());
        Assert.Equal(40, json.GetProperty("totalArticles").GetInt32());
        Assert.Equal(1, json.GetProperty("consecutiveFailures").GetInt32());
    }
}
