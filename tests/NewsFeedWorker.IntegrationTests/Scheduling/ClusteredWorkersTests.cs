using System.Text.Json;
using Xunit.Abstractions;
using NewsFeedWorker.Scheduling.Clustering;

namespace NewsFeedWorker.IntegrationTests.Scheduling;

/// <summary>
/// Three real worker processes on one PostgreSQL database in cluster mode, scraping a loopback site of three sources
/// every few seconds; one node is killed with SIGKILL in the middle of a cycle.
/// </summary>
public sealed class ClusteredWorkersTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Sources = ["alpha", "beta", "gamma"];

    private readonly string directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "nfw-cluster-tests", Guid.NewGuid().ToString("n"))).FullName;


    [Fact]
    public async Task Three_nodes_share_one_schedule_run_each_firing_once_and_recover_the_cycle_of_a_killed_node()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(110));
        var token = timeout.Token;
        await using var database = await ClusterDatabase.CreateAsync();
        await using var site = await ClusterFixtureSite.StartAsync(Sources, articlesPerSource: 4, slowPage: ("gamma", 3));
        var sourcesFile = WriteSourcesFile(directory, site, Sources, schedule: "0/3 * * * * ?");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var nodes = new List<WorkerNode>();
        try
        {
            foreach (var name in new[] { "node1", "node2", "node3" })
            {
                nodes.Add(WorkerNode.Start(name, directory, sourcesFile, NodeEnvironment(database.ConnectionString)));
            }

            await Task.WhenAll(nodes.Select(n => n.WaitUntilServingAsync(http, token)));

            // A cycle of gamma is stuck on its slow page while the other sources run a few cycles; then the node running
            // gamma (found in Quartz's own table) is killed.
            await site.SlowPageRequested.WaitAsync(token);
            await Eventually(
                () => History(database),
                rows => rows.Count(r => r.Job == "alpha") >= 2 && rows.Count(r => r.Job == "beta") >= 2,
                "alpha and beta to finish two cycles each", nodes, token);
            var executing = await Eventually(
                () => database.QueryAsync("SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = 'gamma' AND state = 'EXECUTING'", r => r.GetString(0)),
                rows => rows.Count == 1, "gamma's cycle to show as executing in qrtz_fired_triggers", nodes, token);
            var killedInstance = executing.Single();
            var victim = nodes.Single(n => n.ProcessId == NodeInstanceIdGenerator.ProcessIdOf(killedInstance));
            victim.KillHard();
            var killedAt = TimeProvider.System.GetUtcNow().Ticks;
            var survivors = nodes.Where(n => n != victim).ToList();

            // Both survivors render (and cache) the feed before the next articles exist, so serving them later proves
            // the cache follows the database's change version, whichever node wrote.
            foreach (var node in survivors)
            {
                Assert.DoesNotContain(ClusterFixtureSite.Title("alpha", 5), await FeedTitles(http, node, token));
            }

            site.ReleaseSlowPage();
            site.PublishOneMoreEach();

            // The survivors recover gamma's interrupted cycle, ingest what was published after the kill, and keep going:
            // three more finished cycles of every source, all after the kill.
            var expected = site.PublishedTitles();
            var history = await Eventually(
                () => History(database),
                rows => rows.Any(r => r.Job == "gamma" && r.TriggerGroup == "RECOVERING_JOBS")
                    && Sources.All(s => rows.Count(r => r.Job == s && r.Fired > killedAt) >= 3),
                "the survivors to recover gamma's cycle and run every source three more times", nodes, token);
            var stored = await Eventually(
                () => StoredTitles(database),
                rows => expected.Sum(e => e.Value.Count) <= rows.Count && expected.All(e => e.Value.All(t => rows.Contains((e.Key, t)))),
                "every published article to be stored", nodes, token);
            history = await History(database);

            // Every page ingested exactly once, and nothing else.
            Assert.Equal(expected.SelectMany(e => e.Value.Select(t => (e.Key, t))).Order(), stored.Order());

            // One trigger per source in the shared store, whatever three nodes reconciled at once.
            var triggers = await database.QueryAsync("SELECT trigger_name FROM qrtz_triggers WHERE trigger_group = 'sources' ORDER BY trigger_name", r => r.GetString(0));
            Assert.Equal(Sources, triggers);

            // Each source ran on one node at a time: its finished runs never overlap, whichever nodes ran them.
            foreach (var source in Sources)
            {
                var runs = history.Where(r => r.Job == source).OrderBy(r => r.Fired).ToList();
                Assert.True(runs.Count >= 3, $"{source} ran {runs.Count} times");
                foreach (var (previous, next) in runs.Zip(runs.Skip(1)))
                {
                    Assert.True(previous.Fired + previous.RunTime <= next.Fired,
                        $"{source}: a run fired at {new DateTime(next.Fired):O} on {next.Instance} while the run fired at {new DateTime(previous.Fired):O} on {previous.Instance} was still going");
                }
            }

            // After the kill only the survivors ran anything. (Quartz does not spread firings evenly: whichever node
            // acquires a trigger first runs it, so one node may well run most of them.)
            foreach (var group in history.GroupBy(r => (r.Instance, r.Job)).OrderBy(g => g.Key))
            {
                output.WriteLine($"{group.Key.Instance} ran {group.Key.Job} {group.Count()} times");
            }

            output.WriteLine($"killed {killedInstance}; nodes: {string.Join(", ", nodes.Select(n => $"{n.Name}=pid {n.ProcessId}"))}");
            var recovered = history.Where(r => r.TriggerGroup == "RECOVERING_JOBS").Min(r => r.Fired);
            output.WriteLine($"gamma's cycle recovered {TimeSpan.FromTicks(recovered - killedAt).TotalSeconds:0.0} s after the kill");
            Assert.DoesNotContain(history, r => r.Instance == killedInstance && r.Fired > killedAt);
            Assert.Contains(history, r => r.Job == "gamma" && r.TriggerGroup == "RECOVERING_JOBS" && r.Instance != killedInstance);

            // Any surviving node serves every article once, including those another node stored a moment ago.
            foreach (var node in survivors)
            {
                var titles = await FeedTitles(http, node, token);
                Assert.Equal(titles.Count, titles.Distinct().Count());
                Assert.Equal(expected.SelectMany(e => e.Value).Order(), titles.Order());
            }

            // Every node read the same sources file: none may report a disagreement.
            Assert.DoesNotContain(nodes.SelectMany(n => n.Output), line => line.Contains("different definition", StringComparison.Ordinal));
            Assert.All(survivors, n => Assert.False(n.HasExited, $"{n.Name} exited:\n{n.Tail()}"));
        }
        finally
        {
            await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask()));
        }
    }

    internal static string WriteSourcesFile(string directory, ClusterFixtureSite site, IEnumerable<string> ids, string schedule)
    {
        var sources = ids.Select(id => new Dictionary<string, object>
        {
            ["id"] = id,
            ["name"] = $"{id} 뉴스",
            ["schedule"] = schedule,
            ["timeZone"] = "Asia/Seoul",
            ["startUrls"] = new[] { site.ListUrl(id).ToString() },
            ["allowedHosts"] = new[] { "127.0.0.1" },
            ["recheckWindow"] = "00:00:01",
            ["articleLinks"] = new Dictionary<string, object>
            {
                ["selector"] = "h4.titles a",
                ["urlPattern"] = "/news/articleView\\.html\\?idxno=\\d+$",
            },
            ["selectors"] = new Dictionary<string, object>
            {
                ["title"] = ".article-view-header h3.heading",
                ["author"] = ".article-view-header ul.infomation li:nth-child(1)",
                ["published"] = ".article-view-header ul.infomation li:nth-child(2)",
                ["category"] = ".article-view-header .article-category",
                ["body"] = "#article-view-content-div",
                ["credit"] = "#article-view-content-div p:last-of-type",
            },
            // All sources share the host 127.0.0.1: room for the slow page beside the other sources' requests.
            ["politeness"] = new Dictionary<string, object> { ["delay"] = "00:00:00.050", ["maxConcurrency"] = 4, ["obeyRobotsTxt"] = false },
            ["dateFormats"] = new[] { "'입력' yyyy.MM.dd HH:mm" },
        });
        var path = Path.Combine(directory, "sources.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { sources }));
        return path;
    }

    internal static Dictionary<string, string> NodeEnvironment(string connectionString) => new()
    {
        ["Storage__Provider"] = "Postgres",
        ["Storage__ConnectionString"] = connectionString,
        ["Scheduler__Clustered"] = "true",
        // Short enough to see a dead node within seconds, long enough that a node slowed by a loaded machine is not
        // declared dead while it works (that would start its cycle a second time elsewhere).
        ["Scheduler__CheckinInterval"] = "00:00:01",
        ["Scheduler__CheckinMisfireThreshold"] = "00:00:06",
        ["Worker__ShutdownTimeout"] = "00:00:05",
        ["Publishing__VersionCheckInterval"] = "00:00:01",
        ["Fetching__DelayBetweenRequests"] = "00:00:00.050",
        ["Serilog__Using__0"] = "Serilog.Sinks.Console",
        ["Serilog__WriteTo__0__Name"] = "Console",
        ["Serilog__MinimumLevel__Default"] = "Information",
        ["Serilog__MinimumLevel__Override__Microsoft"] = "Warning",
        ["Serilog__MinimumLevel__Override__Quartz"] = "Information",
    };

    private static Task<List<HistoryRow>> History(ClusterDatabase database) =>
        database.QueryOrEmptyAsync(
            "SELECT job_name, instance_name, trigger_group, fired_time, run_time FROM qrtz_execution_history WHERE job_group = 'sources'",
            r => new HistoryRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4)));

    private static Task<List<(string Source, string Title)>> StoredTitles(ClusterDatabase database) =>
        database.QueryOrEmptyAsync("SELECT source_id, title FROM articles", r => (r.GetString(0), r.GetString(1)));

    private static async Task<List<string>> FeedTitles(HttpClient http, WorkerNode node, CancellationToken cancellationToken)
    {
        var json = await http.GetStringAsync(new Uri(node.BaseAddress, "/feeds/all.json?limit=500"), cancellationToken);
        return [.. JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];
    }

    /// <summary>Polls until <paramref name="done"/> holds; on timeout fails with what the nodes logged.</summary>
    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done, string what, IReadOnlyList<WorkerNode> nodes, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var value = await read();
                if (done(value))
                {
                    return value;
                }

                await Task.Delay(250, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Gave up waiting for {what}.\n{string.Join("\n\n", nodes.Select(n => n.Tail(40)))}");
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
            // A killed node may have left a file open a moment longer; the temp folder is cleaned eventually.
        }
    }

    private sealed record HistoryRow(string Job, string Instance, string TriggerGroup, long Fired, long RunTime);
}
