using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsFeedWorker.Hosting;
using NewsFeedWorker.IntegrationTests.Scheduling;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.IntegrationTests.EndToEnd;

/// <summary>
/// A worker host (SQLite file or a fresh PostgreSQL database) over an <see cref="EditableSite"/>, whose cycles the test
/// runs one at a time on a clock it moves forward, and whose feeds and pages it reads over HTTP.
/// </summary>
public sealed class RevisionsWorker : IAsyncDisposable
{
    public const string SourceId = "edits";

    private readonly WebApplication app;
    private readonly ShiftedClock clock;
    private readonly ClusterDatabase? database;
    private readonly string directory;

    private RevisionsWorker(WebApplication app, ShiftedClock clock, ClusterDatabase? database, string directory, HttpClient http)
    {
        this.app = app;
        this.clock = clock;
        this.database = database;
        this.directory = directory;
        Http = http;
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="topics">JSON of the sources file's <c>topics</c> list, when the test needs topics.</param>
    public static async Task<RevisionsWorker> StartAsync(
        EditableSite site, bool postgres, IReadOnlyDictionary<string, string?>? settings = null, string topics = "[]")
    {
        var directory = Path.Combine(Path.GetTempPath(), "nfw-revisions-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);
        var sources = Path.Combine(directory, "sources.json");
        await File.WriteAllTextAsync(sources, $$"""
            { "sources": [ {
                "id": "{{SourceId}}", "name": "Edited Daily", "schedule": "0 0 3 1 1 ?", "language": "en", "timeZone": "Europe/London",
                "startUrls": [ "{{site.Url("/news/")}}" ], "allowedHosts": [ "127.0.0.1" ],
                "politeness": { "delay": "00:00:00.010" }
            } ], "topics": {{topics}} }
            """);
        var database = postgres ? await ClusterDatabase.CreateAsync() : null;
        var port = WorkerFeeds.FreePort();
        var values = new Dictionary<string, string?>
        {
            ["Worker:SourcesFile"] = sources,
            ["Worker:DataDirectory"] = Path.Combine(directory, "data"),
            ["Worker:RunOnStart"] = "false",
            ["urls"] = $"http://127.0.0.1:{port}",
        };
        if (database is not null)
        {
            values["Storage:Provider"] = "Postgres";
            values["Storage:ConnectionString"] = database.ConnectionString;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var clock = new ShiftedClock();
        var app = WorkerHost.Build(values, builder => builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        await app.StartAsync();
        return new RevisionsWorker(app, clock, database, directory, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
    }

    /// <summary>Moves the worker's clock forward (timers keep the real clock).</summary>
    public void Advance(TimeSpan by) => clock.Offset += by;

    /// <summary>One cycle of the source, as its scheduled job runs it.</summary>
    public async Task RunCycleAsync()
    {
        var source = app.Services.GetRequiredService<SourceCatalog>().Find(SourceId) ?? throw new InvalidOperationException("No source.");
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScrapeCycle>().RunAsync(source, CancellationToken.None);
    }

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public async Task<JsonElement[]> ItemsAsync(string path)
    {
        using var json = JsonDocument.Parse(await GetStringAsync(path));
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone())];
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        Directory.Delete(directory, recursive: true);
    }

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }
}
