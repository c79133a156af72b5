using Microsoft.Extensions.Options;
using Npgsql;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Scheduling.Clustering;

/// <summary>
/// Serialises schedule reconciliation across the cluster with a PostgreSQL advisory lock, so that nodes starting (or
/// reloading) at the same moment never both decide a source's job is missing; a no-op on a single node.
/// </summary>
public sealed class ScheduleLock(IOptions<SchedulerOptions> scheduler, IOptions<StorageOptions> storage)
{
    /// <summary>Arbitrary constant naming our lock among other applications' advisory locks ("NFWSched").</summary>
    private const long LockKey = 0x4E46_5753_6368_6564;

    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        if (!scheduler.Value.Clustered)
        {
            return NoLock.Instance;
        }

        // Unpooled: the lock belongs to the session, and a pooled session could outlive a failed unlock.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(storage.Value.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // The lock is the session's: closing the connection releases it even if the unlock is never sent.
            await using (connection)
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", LockKey);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static NoLock Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
