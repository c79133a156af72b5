using System.Text.Json;

namespace NewsFeedWorker.IntegrationTests.Scheduling;

/// <summary>Two real worker processes whose sources files differ, reconciling one shared schedule.</summary>
public sealed class ClusterScheduleReconcileTests : IDisposable
{
    private readonly string directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "nfw-cluster-tests", Guid.NewGuid().ToString("n"))).FullName;

    [Fact]
    public async Task The_last_node_to_start_makes_the_shared_schedule_its_file_and_warns_about_a_source_defined_differently()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var database = await ClusterDatabase.CreateAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var environment = ClusteredWorkersTests.NodeEnvironment(database.ConnectionString);
        environment["Worker__RunOnStart"] = "false";
        var nodes = new List<WorkerNode>();
        try
        {
            var first = WorkerNode.Start("first", directory, SourcesFile("first", ("alpha", "Alpha"), ("beta", "Beta")), environment);
            nodes.Add(first);
            await first.WaitUntilServingAsync(http, timeout.Token);
            var afterFirst = await Triggers(database);
            var alphaBefore = await Fingerprint(database, "alpha");

            var second = WorkerNode.Start("second", directory, SourcesFile("second", ("alpha", "Alpha, renamed"), ("gamma", "Gamma")), environment);
            nodes.Add(second);
            await second.WaitUntilServingAsync(http, timeout.Token);
            var afterSecond = await Triggers(database);

            Assert.Equal(["alpha", "beta"], afterFirst);
            Assert.Equal(["alpha", "gamma"], afterSecond);
            Assert.NotEqual(alphaBefore, await Fingerprint(database, "alpha"));
            Assert.Contains(second.Output, line => line.Contains("Source alpha: node", StringComparison.Ordinal) && line.Contains("different definition", StringComparison.Ordinal));
            Assert.DoesNotContain(second.Output, line => line.Contains("Source gamma: node", StringComparison.Ordinal));
            Assert.DoesNotContain(first.Output, line => line.Contains("different definition", StringComparison.Ordinal));
        }
        finally
        {
            await Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask()));
        }
    }

    private string SourcesFile(string name, params (string Id, string Name)[] sources)
    {
        var path = Path.Combine(directory, $"{name}.json");
        File.WriteAllText(path, $$"""
            { "sources": [ {{string.Join(",", sources.Select(s => $$"""
                { "id": "{{s.Id}}", "name": "{{s.Name}}", "schedule": "0 0 3 * * ?", "startUrls": ["http://127.0.0.1:9/{{s.Id}}/"] }
                """))}} ] }
            """);
        return path;
    }

    private static async Task<List<string>> Triggers(ClusterDatabase database) =>
        await database.QueryAsync("SELECT trigger_name FROM qrtz_triggers WHERE trigger_group = 'sources' ORDER BY trigger_name", r => r.GetString(0));

    /// <summary>The job data as Quartz stored it (JSON, by the System.Text.Json serializer).</summary>
    private static async Task<string> Fingerprint(ClusterDatabase database, string sourceId)
    {
        var json = (await database.QueryAsync($"SELECT convert_from(job_data, 'UTF8') FROM qrtz_job_details WHERE job_group = 'sources' AND job_name = '{sourceId}'", r => r.GetString(0))).Single();
        return JsonDocument.Parse(json).RootElement.GetProperty("SourceFingerprint").GetString()!;
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
