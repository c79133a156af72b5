namespace NewsFeedWorker.IntegrationTests.Diagnostics;

/// <summary>A temp folder with a sources file and the settings a fast, loopback-only worker needs.</summary>
internal sealed class WorkerSettings : IDisposable
{
    public WorkerSettings() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "nfw-ops-tests", Guid.NewGuid().ToString("n"));

    public string SourcesFile => Path.Combine(Root, "sources.json");

    public string DataDirectory => Path.Combine(Root, "data");

    public string SqliteFile => Path.Combine(DataDirectory, "newsfeedworker.db");

    /// <summary>Writes a sources file; each source is (id, start URL), scheduled at 03:00 only so just the start-up run happens.</summary>
    public string WriteSources(params (string Id, Uri StartUrl)[] sources)
    {
        var items = sources.Select(s => $$"""
            { "id": "{{s.Id}}", "name": "{{s.Id}} news", "schedule": "0 0 3 * * ?", "timeZone": "Asia/Seoul", "startUrls": ["{{s.StartUrl}}"], "allowedHosts": ["127.0.0.1"], "articleLinks": { "maxPages": 1 } }
            """);
        File.WriteAllText(SourcesFile, $$"""{ "sources": [ {{string.Join(",", items)}} ] }""");
        return SourcesFile;
    }

    /// <summary>Configuration overrides: these paths, an ephemeral loopback port, no politeness wait, no retries.</summary>
    public Dictionary<string, string?> Overrides(bool runOnStart = true) => new()
    {
        ["Worker:SourcesFile"] = SourcesFile,
        ["Worker:DataDirectory"] = DataDirectory,
        ["Worker:RunOnStart"] = runOnStart.ToString(),
        ["Worker:WatchSourcesFile"] = "false",
        ["Fetching:DelayBetweenRequests"] = "00:00:00",
        ["Fetching:MaxRetryAttempts"] = "0",
        ["urls"] = "http://127.0.0.1:0",
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a log file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
