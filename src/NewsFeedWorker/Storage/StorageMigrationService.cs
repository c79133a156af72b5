namespace NewsFeedWorker.Storage;

/// <summary>Creates or upgrades the schema when the host starts, so a broken database stops the start with a clear error.</summary>
public sealed class StorageMigrationService(IFeedStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
