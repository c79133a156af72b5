using NewsFeedWorker.Scheduling.Clustering;

namespace NewsFeedWorker.IntegrationTests.Scheduling;

/// <summary>A node stopped gracefully in the middle of a cycle hands the cycle to another node at once.</summary>
public sealed class ClusterHandBackTests : IDisposable
{
    private readonly string directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "nfw-cluster-tests", Guid.NewGuid().ToString("n"))).FullName;

    [Fact]
    public async Task A_cycle_cancelled_by_a_graceful_stop_runs_again_on_the_other_node_without_waiting_for_failure_detection()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var token = timeout.Token;
        await using var database = await ClusterDatabase.CreateAsync();
        await using var site = await ClusterFixtureSite.StartAsync(["gamma"], articlesPerSource: 3, slowPage: ("gamma", 3));
        var environment = ClusteredWorkersTests.NodeEnvironment(database.ConnectionString);
        // Failure detection far beyond the test's patience: only the hand-back can bring the cycle back in time.
        environment["Scheduler__CheckinMisfireThreshold"] = "00:05:00";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var nodes = new List<WorkerNode>();
        try
        {
            var sourcesFile = ClusteredWorkersTests.WriteSourcesFile(directory, site, ["gamma"], schedule: "0 0 3 * * ?");
            nodes.Add(WorkerNode.Start("node1", directory, sourcesFile, environment));
            nodes.Add(WorkerNode.Start("node2", directory, sourcesFile, environment));
            await Task.WhenAll(nodes.Select(n => n.WaitUntilServingAsync(http, token)));

            await site.SlowPageRequested.WaitAsync(token);
            var executing = (await database.QueryAsync("SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = 'gamma' AND state = 'EXECUTING'", r => r.GetString(0))).Single();
            var stopped = nodes.Single(n => n.ProcessId == NodeInstanceIdGenerator.ProcessIdOf(executing));
            var exitCode = await stopped.StopAsync(token);
            site.ReleaseSlowPage();

            var other = nodes.Single(n => n != stopped);
            List<(string Instance, string TriggerGroup)> history;
            do
            {
                await Task.Delay(250, token);
                history = await database.QueryOrEmptyAsync(
                    "SELECT instance_name, trigger_group FROM qrtz_execution_history WHERE job_name = 'gamma'", r => (r.GetString(0), r.GetString(1)));
            }
            while (!history.Any(h => h.TriggerGroup == "RECOVERING_JOBS"));

            Assert.Equal(0, exitCode);
            Assert.Contains(stopped.Output, line => line.Contains("Source gamma: cycle cancelled", StringComparison.Ordinal));
            Assert.Contains(history, h => h.TriggerGroup == "RECOVERING_JOBS" && h.Instance != executing);
            Assert.False(other.HasExited);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            throw new TimeoutException($"The cancelled cycle was not run again in time.\n{string.Join("\n\n", nodes.Select(n => n.Tail(40)))}");
        }
        finally
        {
            await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask()));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A node may have left a log file open a moment longer; the temp folder is cleaned eventually.
        }
    }
}
