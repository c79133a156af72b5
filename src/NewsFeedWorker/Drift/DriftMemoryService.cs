using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Drift;

/// <summary>
/// Hands the drift monitor what earlier runs taught it, read from the store once: when the host starts (before the
/// first cycle: Quartz starts its jobs once start-up is complete), so the warnings in force show in <c>/health</c> right
/// after a restart and a selector already broken then is still caught, and at the latest before a run of a process that
/// starts no hosted services (<c>backfill</c>), whose run would otherwise write a history learned from nothing over the
/// store's. From then on it tells the monitor of every accepted edit of the sources file.
/// </summary>
public sealed class DriftMemoryService(DriftMonitor monitor, IFeedStore store, SourceCatalog catalog) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool loaded;

    public Task StartAsync(CancellationToken cancellationToken) => EnsureLoadedAsync(cancellationToken);

    public async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (this.loaded)
        {
            return;
        }

        await this.gate.WaitAsync(cancellationToken);
        try
        {
            if (!this.loaded)
            {
                monitor.Restore(await store.GetLearnedSelectorsAsync(cancellationToken), catalog.Sources);
                catalog.Changed += monitor.SourcesChanged;
                this.loaded = true;
            }
        }
        finally
        {
            this.gate.Release();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.Changed -= monitor.SourcesChanged;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        catalog.Changed -= monitor.SourcesChanged;
        this.gate.Dispose();
    }
}
