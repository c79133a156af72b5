using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsFeedWorker.Drift;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Tests.Scheduling;

/// <summary>A <see cref="ScrapeCycle"/> over a <see cref="FakeSite"/> and a store, with real collaborators a test does not name.</summary>
internal static class TestCycles
{
    /// <summary>Shared by the tests that do not read metrics; a test that does passes its own meter factory.</summary>
    private static readonly ServiceProvider Meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static ScrapeCycle Over(
        FakeSite site,
        IFeedStore store,
        ILogger<ScrapeCycle>? logger = null,
        SchedulingMetrics? metrics = null,
        ParseGate? parseGate = null,
        StorageFaults? storageFaults = null,
        DateTimeOffset? now = null,
        DriftMonitor? drift = null) =>
        new(site.FetchAsync, site.Parse, new StoreCycleSink(store, site.PublishAsync, drift),
            new FakeTimeProvider(now ?? new DateTimeOffset(2025, 11, 8, 0, 0, 0, TimeSpan.Zero)), Options.Create(new SchedulerOptions()),
            logger ?? new FakeLogger<ScrapeCycle>(),
            metrics ?? new SchedulingMetrics(Meters.GetRequiredService<IMeterFactory>()),
            parseGate ?? new ParseGate(new SchedulerOptions().MaxConcurrentParses),
            storageFaults ?? new StorageFaults());
}
