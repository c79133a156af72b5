using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;
using Quartz;

namespace NewsFeedWorker.Tests.Scheduling;

/// <summary>The real sources and scheduling stages in a container of their own, with a fake cycle and collected logs.</summary>
internal sealed class SchedulingHarness : IAsyncDisposable
{
    private readonly TempDirectory directory = new();

    private SchedulingHarness(string sourcesJson, bool runOnStart)
    {
        SourcesFile = directory.Write("sources.json", sourcesJson);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Worker:SourcesFile"] = SourcesFile,
            ["Worker:DataDirectory"] = directory.File("data"),
            ["Worker:RunOnStart"] = runOnStart.ToString(),
            ["Worker:ReloadDebounce"] = "00:00:00.200",
        }).Build();

        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSources(configuration).AddScheduling(configuration);
        services.AddSingleton<ISourceCycle>(Cycle);
        Services = services.BuildServiceProvider();
    }

    public RecordingCycle Cycle { get; } = new();

    public ServiceProvider Services { get; }

    public string SourcesFile { get; }

    public SourceCatalog Catalog => Services.GetRequiredService<SourceCatalog>();

    public SourceJobScheduler JobScheduler => Services.GetRequiredService<SourceJobScheduler>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public static SchedulingHarness Create(string sourcesJson, bool runOnStart = false) => new(sourcesJson, runOnStart);

    public Task<IScheduler> SchedulerAsync() => Services.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask();

    public async Task<ICronTrigger?> TriggerOf(string sourceId) =>
        (ICronTrigger?)await (await SchedulerAsync()).GetTrigger(SourceJobScheduler.TriggerKeyFor(sourceId));

    public async Task<IReadOnlyCollection<string>> JobNames()
    {
        var keys = await (await SchedulerAsync()).GetJobKeys(GroupMatcher<JobKey>.GroupEquals(SourceJobScheduler.Group));
        return [.. keys.Select(k => k.Name).Order(StringComparer.Ordinal)];
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await (await SchedulerAsync()).Shutdown(waitForJobsToComplete: true);
        }
        catch (SchedulerException)
        {
            // Already shut down by the test.
        }

        await Services.DisposeAsync();
        directory.Dispose();
    }
}
