using System.Threading.Channels;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Scheduling;

/// <summary>Schedules the catalog's sources at start and re-synchronises the jobs after every accepted reload.</summary>
public sealed partial class SourceScheduleService(SourceCatalog catalog, SourceJobScheduler scheduler, ILogger<SourceScheduleService> logger) : BackgroundService
{
    private readonly Channel<IReadOnlyList<SourceDefinition>> reloads =
        Channel.CreateBounded<IReadOnlyList<SourceDefinition>>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.Changed += OnCatalogChanged;
        var changes = await scheduler.SyncAsync(catalog.Sources, cancellationToken);
        Log.Scheduled(logger, changes.Added.Count, catalog.Sources.Count);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.Changed -= OnCatalogChanged;
        this.reloads.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Only the newest list matters: a burst of reloads collapses into one synchronisation.
        await foreach (var sources in this.reloads.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var changes = await scheduler.SyncAsync(sources, stoppingToken);
                Log.Resynced(logger, changes.Added.Count, changes.Removed.Count, changes.Retimed.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed re-synchronisation must not stop the host: the jobs in place keep running, the next save retries.
                Log.ResyncFailed(logger, ex);
            }
        }
    }

    private void OnCatalogChanged(IReadOnlyList<SourceDefinition> sources) => this.reloads.Writer.TryWrite(sources);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Scheduled {Scheduled} enabled sources of {Count}")]
        public static partial void Scheduled(ILogger logger, int scheduled, int count);

        [LoggerMessage(2, LogLevel.Information, "Sources file applied: {Added} added, {Removed} removed, {Retimed} re-timed")]
        public static partial void Resynced(ILogger logger, int added, int removed, int retimed);

        [LoggerMessage(3, LogLevel.Error, "Applying the edited sources file to the scheduler failed; the jobs in place keep running")]
        public static partial void ResyncFailed(ILogger logger, Exception exception);
    }
}
