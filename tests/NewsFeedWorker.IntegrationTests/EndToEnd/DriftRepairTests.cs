using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using NewsFeedWorker.Hosting;
using NewsFeedWorker.IntegrationTests.Diagnostics;
using NewsFeedWorker.IntegrationTests.Support;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.IntegrationTests.EndToEnd;

/// <summary>
/// The proof of drift detection, through the whole worker: a source written by <c>suggest</c> reads a loopback
/// site whose template changes mid-run; <c>/health</c> (real HTTP) names the field within one cycle; <c>suggest --for
/// --write</c> repairs the sources file, the worker's watcher reloads it, and the next cycle is healthy. What was learned
/// and the warnings in force survive a restart (real SQLite file).
/// </summary>
[Collection(InProcessWorkerCollection.Name)]
public sealed class DriftRepairTests : IDisposable
{
    private const string SourceId = "reskin";
    private const string Broken = "title: \"h3.heading\" matched nothing on 2 of 2 pages";

    private readonly WorkerSettings settings = new();

    public void Dispose() => this.settings.Dispose();

    [Fact]
    public async Task A_template_change_is_named_in_health_within_one_cycle_and_a_written_suggest_repair_makes_the_next_cycle_healthy()
    {
        await using var site = await FixtureSite.StartAsync();
        await WriteSourceAsync(site);
        await using var app = await StartWorkerAsync(runOnStart: false);
        using var http = ClientFor(app);
        await RunCycleAsync(app);
        var healthy = await HealthAsync(http);
        Assert.Equal(("Healthy", "Healthy"), (Status(healthy), Status(healthy, "drift")));

        site.Rewrite = Reskin;
        await RunCycleAsync(app);

        var drifted = await HealthAsync(http);
        Assert.Equal("Degraded", Status(drifted));
        Assert.Contains($"{SourceId}: {Broken}", Check(drifted, "drift").GetProperty("description").GetString(), StringComparison.Ordinal);
        var warning = Assert.Single(Check(drifted, "drift").GetProperty("data").GetProperty(SourceId).EnumerateArray());
        Assert.Equal(("title", "h3.heading"), (warning.GetProperty("field").GetString(), warning.GetProperty("selector").GetString()));

        var repair = await WorkerCommand.InvokeAsync("suggest", "--for", SourceId, "--sources", this.settings.SourcesFile, "--articles", "2", "--write", this.settings.SourcesFile);
        Assert.True(repair.ExitCode == 0, repair.Error);
        Assert.Contains("+ selectors.title: h2.headline", repair.Output, StringComparison.Ordinal);
        Assert.Contains($"Repaired source \"{SourceId}\" in {this.settings.SourcesFile}", repair.Output, StringComparison.Ordinal);
        await ReloadedAsync(app, s => s.Selectors?.Title == "h2.headline");
        Assert.Equal(Schedule, app.Services.GetRequiredService<SourceCatalog>().Find(SourceId)!.Schedule);
        await RunCycleAsync(app);

        var repaired = await HealthAsync(http);
        Assert.Equal(("Healthy", "Healthy"), (Status(repaired), Status(repaired, "drift")));
        Assert.False(Check(repaired, "drift").GetProperty("data").TryGetProperty(SourceId, out _));
        // The next cycle learned the new selector: it is what the store now remembers.
        var learned = (await LearnedAsync())[SourceId];
        Assert.Equal("h2.headline", Assert.Single(learned, l => l.Field == "title").Selector);
        Assert.All(learned, l => Assert.Null(l.Warning));
    }

    [Fact]
    public async Task A_restarted_worker_reports_the_warning_in_force_before_any_run_and_catches_a_selector_broken_while_it_was_down()
    {
        await using var site = await FixtureSite.StartAsync();
        await WriteSourceAsync(site);
        await using (var first = await StartWorkerAsync(runOnStart: false))
        {
            await RunCycleAsync(first);
        }

        // The site changed its template while no worker ran: the first run of the next one is compared with what the
        // first worker learned.
        site.Rewrite = Reskin;
        await using (var second = await StartWorkerAsync(runOnStart: false))
        {
            await RunCycleAsync(second);
            using var http = ClientFor(second);
            Assert.Contains(Broken, Check(await HealthAsync(http), "drift").GetProperty("description").GetString(), StringComparison.Ordinal);
        }

        var requests = site.Requests.Count;
        await using var third = await StartWorkerAsync(runOnStart: false);
        using var thirdHttp = ClientFor(third);

        var health = await HealthAsync(thirdHttp);
        Assert.Equal("Degraded", Status(health, "drift"));
        Assert.Contains(Broken, Check(health, "drift").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(requests, site.Requests.Count);
    }

    [Fact]
    public async Task A_backfill_run_beside_the_worker_judges_against_what_the_worker_learned_and_keeps_its_warning()
    {
        await using var site = await FixtureSite.StartAsync();
        await WriteSourceAsync(site);
        await using (var worker = await StartWorkerAsync(runOnStart: false))
        {
            await RunCycleAsync(worker);
            site.Rewrite = Reskin;
            await RunCycleAsync(worker);
        }

        var backfill = await WorkerCommand.InvokeAsync("backfill", SourceId, "--pages", "1", "--sources", this.settings.SourcesFile, "--data", this.settings.DataDirectory);

        Assert.True(backfill.ExitCode == 0, backfill.Error);
        var title = Assert.Single((await LearnedAsync())[SourceId], l => l.Field == "title");
        Assert.Equal(("h3.heading", Broken), (title.Selector, title.Warning));
        Assert.Contains(Broken, (await WorkerCommand.InvokeAsync("sources", "--sources", this.settings.SourcesFile, "--data", this.settings.DataDirectory)).Output, StringComparison.Ordinal);
    }

    /// <summary>Once a year: the cycles here are the ones the test runs (or the start-up run).</summary>
    private const string Schedule = "0 0 3 1 1 ?";

    /// <summary>The new template: the title's class names change.</summary>
    private static string Reskin(string page) => page.Replace("<h3 class=\"heading\">", "<h2 class=\"headline\">", StringComparison.Ordinal);

    /// <summary>The source as <c>suggest</c> writes it for the site's first section (configured mode, title by <c>h3.heading</c>).</summary>
    private async Task WriteSourceAsync(FixtureSite site)
    {
        site.Rewrite = page => page;
        var listUrl = new Uri(site.BaseAddress, "/sample/news/articleList.html?sc_section_code=S1N6");
        var suggest = await WorkerCommand.InvokeAsync("suggest", listUrl.AbsoluteUri, "--id", SourceId, "--articles", "2", "--write", this.settings.SourcesFile);
        Assert.True(suggest.ExitCode == 0, suggest.Error);
        var text = await File.ReadAllTextAsync(this.settings.SourcesFile);
        await File.WriteAllTextAsync(this.settings.SourcesFile, text.Replace("\"0 */15 * * * ?\"", $"\"{Schedule}\"", StringComparison.Ordinal));
        var source = Assert.Single(SourcesFileLoader.Load(this.settings.SourcesFile));
        Assert.Equal(("h3.heading", Schedule), (source.Selectors!.Title, source.Schedule));
    }

    private async Task<WebApplication> StartWorkerAsync(bool runOnStart)
    {
        var overrides = this.settings.Overrides(runOnStart);
        overrides["Worker:WatchSourcesFile"] = "true";
        overrides["Worker:ReloadDebounce"] = "00:00:00.100";
        var app = WorkerHost.Build(overrides);
        await app.StartAsync();
        return app;
    }

    /// <summary>One cycle of the source as its job runs it: the source in force in the worker's catalog, the worker's own cycle.</summary>
    private static async Task RunCycleAsync(WebApplication app)
    {
        var source = app.Services.GetRequiredService<SourceCatalog>().Find(SourceId) ?? throw new InvalidOperationException("No source.");
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScrapeCycle>().RunAsync(source, CancellationToken.None);
    }

    /// <summary>Waits until the worker's file watcher has taken the edited sources file.</summary>
    private static async Task ReloadedAsync(WebApplication app, Func<SourceDefinition, bool> edited)
    {
        var catalog = app.Services.GetRequiredService<SourceCatalog>();
        for (var attempt = 0; attempt < 300 && !(catalog.Find(SourceId) is { } source && edited(source)); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.True(catalog.Find(SourceId) is { } reloaded && edited(reloaded), $"The worker did not reload {catalog.FilePath}: {catalog.LastReloadError}");
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<LearnedSelector>>> LearnedAsync()
    {
        await using var store = new SqliteFeedStore(new StorageOptions { ConnectionString = $"Data Source={this.settings.SqliteFile}" }, TimeProvider.System, new FakeLogger<SqliteFeedStore>());
        return await store.GetLearnedSelectorsAsync(CancellationToken.None);
    }

    private static HttpClient ClientFor(WebApplication app) =>
        new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };

    private static async Task<JsonElement> HealthAsync(HttpClient http) =>
        JsonDocument.Parse(await http.GetStringAsync(new Uri("/health", UriKind.Relative))).RootElement;

    private static JsonElement Check(JsonElement health, string name) => health.GetProperty("checks").GetProperty(name);

    private static string? Status(JsonElement health, string? check = null) =>
        (check is null ? health : Check(health, check)).GetProperty("status").GetString();
}
