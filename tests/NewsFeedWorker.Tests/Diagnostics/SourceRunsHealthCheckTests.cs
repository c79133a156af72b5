using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsFeedWorker.Diagnostics;
using NewsFeedWorker.Storage;
using NewsFeedWorker.Tests.Scheduling;

namespace NewsFeedWorker.Tests.Diagnostics;

public sealed class SourceRunsHealthCheckTests
{
    [Fact]
    public async Task A_source_failing_three_runs_in_a_row_degrades_health_and_is_named()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Some.MinimalSource, Some.MinimalSource.Replace("alpha", "beta")));
        var store = new FakeFeedStore();
        var check = new SourceRunsHealthCheck(harness.Catalog, [store]);

        await store.SaveSourceStatusAsync(new SourceStatus { SourceId = "beta", ConsecutiveFailures = 2, LastError = "timeout" }, CancellationToken.None);
        var twoFailures = await check.CheckHealthAsync(new HealthCheckContext());
        await store.SaveSourceStatusAsync(new SourceStatus { SourceId = "beta", ConsecutiveFailures = 3, LastError = "timeout" }, CancellationToken.None);
        var threeFailures = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, twoFailures.Status);
        Assert.Equal(HealthStatus.Degraded, threeFailures.Status);
        Assert.Equal("Failing 3+ runs in a row: beta", threeFailures.Description);
        Assert.Equal(["alpha", "beta"], threeFailures.Data.Keys.Order(StringComparer.Ordinal));
    }
}
