using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Drift;

/// <summary>
/// Hands the drift monitor what earlier runs taught it, read from the store when the host starts (before the first
/// cycle: Quartz starts its jobs once start-up is complete), so the warnings in force show in <c>/health</c> right after a
/// restart and a selector already broken then is still caught; and tells it of every accepted edit of the sources file.
/// </summary>
public sealed class DriftMemoryService(DriftMonitor monitor, IFeedStore store, SourceCatalog catalog) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        monitor.Restore(await store.GetLearnedSelectorsAsync(cancellationToken), catalog.Sources);
        catalog.Changed += monitor.SourcesChanged;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.Changed -= monitor.SourcesChanged;
        return Task.CompletedTask;
    }
}
