using Microsoft.Data.Sqlite;

namespace NewsFeedWorker.Storage;

/// <summary>Creates or upgrades the schema when the host starts, so a broken database stops the start with a clear error.</summary>
public sealed class StorageMigrationService(IFeedStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch (SqliteException ex) when (store is SqliteFeedStore sqlite)
        {
            // "attempt to write a readonly database" at start must say which file.
            throw sqlite.WithPath(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
