using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsFeedWorker.Diagnostics;
using NewsFeedWorker.Tests.Scheduling;

namespace NewsFeedWorker.Tests.Diagnostics;

public sealed class SourcesHealthCheckTests
{
    [Fact]
    public async Task Health_is_degraded_with_the_message_while_a_rejected_edit_is_on_disk()
    {
        await using var harness = SchedulingHarness.Create(Some.SourcesJson(Some.MinimalSource));
        var check = new SourcesHealthCheck(harness.Catalog);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        File.WriteAllText(harness.SourcesFile, Some.SourcesJson(Some.MinimalSource + ", \"schedul\": \"x\""));
        harness.Catalog.Reload();
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal(1, before.Data["sources"]);
        Assert.Equal(HealthStatus.Degraded, after.Status);
        Assert.Contains("unknown key \"schedul\"", after.Description);
        Assert.Equal(1, after.Data["sources"]);
    }
}
