using System.Data.Common;
using Dapper;
using Npgsql;

namespace NewsFeedWorker.Storage;

/// <summary>The server store: PostgreSQL through a pooled Npgsql data source; migrations serialized by an advisory lock.</summary>
public sealed class PostgresFeedStore(StorageOptions options, TimeProvider time, ILogger<PostgresFeedStore> logger)
    : RelationalFeedStore(options, time, logger)
{
    /// <summary>Arbitrary constant naming our migration lock among other applications' advisory locks.</summary>
    private const long MigrationLockKey = 0x4E46_5753_746F_7265; // "NFWStore"

    private readonly NpgsqlDataSource dataSource = CreateDataSource(options.ConnectionString
        ?? throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is Postgres."));

    /// <summary>
    /// The store runs the same few statements all the time (the near-duplicate lookup on every new article), so unless the
    /// connection string says otherwise they are prepared on the server after a few uses: planning the four-band lookup
    /// cost about as much as running it.
    /// </summary>
    internal static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        return builder.Build();
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLockKey }, transaction, cancellationToken: cancellationToken));

    protected override Task LockAsync(DbConnection connection, DbTransaction transaction, string key, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key }, transaction, cancellationToken: cancellationToken));

    protected override string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    protected override ValueTask ReleaseConnectionsAsync() => dataSource.DisposeAsync();

    protected override void ReleaseConnections() => dataSource.Dispose();
}
