using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Hosting;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;
using Quartz;

namespace NewsFeedWorker.Tests.Hosting;

public sealed class NewsFeedWorkerServiceCollectionExtensionsTests
{
    [Fact]
    public void Publishing_sees_the_sources_in_force_including_after_a_reload()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("sources.json", Some.SourcesJson(Some.MinimalSource));
        using var services = Services(new() { ["Worker:SourcesFile"] = file, ["Worker:DataDirectory"] = dir.File("data") });
        var current = services.GetRequiredService<CurrentSources>();

        Assert.Equal(["alpha"], current().Select(s => s.Id));

        File.WriteAllText(file, Some.SourcesJson(Some.MinimalSource, Some.MinimalSource.Replace("alpha", "beta")));
        services.GetRequiredService<SourceCatalog>().Reload();

        Assert.Equal(["alpha", "beta"], current().Select(s => s.Id));
    }

    [Fact]
    public void Settings_written_under_their_old_keys_reach_the_stage_that_reads_them()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("sources.json", Some.SourcesJson(Some.MinimalSource));
        using var services = Services(new()
        {
            ["Worker:SourcesFile"] = file,
            ["Worker:DataDirectory"] = dir.File("data"),
            ["Worker:WatchSourcesFile"] = "false",
            ["Worker:ReloadDebounce"] = "00:00:02",
            ["Worker:RecheckWindow"] = "12:00:00",
            ["Worker:RunOnStart"] = "false",
            ["Worker:MaxConcurrentParses"] = "3",
            ["Worker:ShutdownTimeout"] = "00:00:45",
            ["Worker:IdleTrimDelay"] = "00:00:09",
            ["Storage:PruneInterval"] = "02:00:00",
        });

        var sources = services.GetRequiredService<IOptions<SourcesOptions>>().Value;
        Assert.Equal(file, sources.SourcesFile);
        Assert.False(sources.WatchSourcesFile);
        Assert.Equal(TimeSpan.FromSeconds(2), sources.ReloadDebounce);
        var scheduler = services.GetRequiredService<IOptions<SchedulerOptions>>().Value;
        Assert.Equal(TimeSpan.FromHours(12), scheduler.RecheckWindow);
        Assert.False(scheduler.RunOnStart);
        Assert.Equal(3, scheduler.MaxConcurrentParses);
        var worker = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        Assert.Equal(dir.File("data"), worker.DataDirectory);
        Assert.Equal(TimeSpan.FromSeconds(9), worker.IdleTrimDelay);
        Assert.Equal(TimeSpan.FromSeconds(45), services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromHours(2), services.GetRequiredService<IOptions<StorageOptions>>().Value.PruneInterval);
    }

    [Fact]
    public async Task Retention_is_scheduled_every_storage_prune_interval()
    {
        using var dir = new TempDirectory();
        await using var services = Services(new()
        {
            ["Worker:SourcesFile"] = dir.Write("sources.json", Some.SourcesJson(Some.MinimalSource)),
            ["Worker:DataDirectory"] = dir.File("data"),
            ["Storage:PruneInterval"] = "02:00:00",
        });

        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            var retention = await scheduler.GetTrigger(new TriggerKey("retention", "maintenance"));

            Assert.Equal(TimeSpan.FromHours(2), Assert.IsAssignableFrom<ISimpleTrigger>(retention).RepeatInterval);
        }
        finally
        {
            await scheduler.Shutdown();
        }
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddNewsFeedWorker(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
