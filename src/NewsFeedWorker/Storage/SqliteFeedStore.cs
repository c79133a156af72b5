using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsFeedWorker.Storage;

/// <summary>The embedded store: one SQLite file in WAL mode, writers queued by BEGIN IMMEDIATE and a busy timeout.</summary>
public sealed class SqliteFeedStore : RelationalFeedStore
{
    private readonly string connectionString;
    private readonly string pragmas;

    public SqliteFeedStore(StorageOptions options, TimeProvider time, ILogger<SqliteFeedStore> logger)
        : base(options, time, logger)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        connectionString = builder.ToString();
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // WAL lets the feed endpoints read while a job writes; NORMAL sync in WAL loses no committed transaction
        // when the process dies (only on power loss), which is what a crash test can and does check.
        pragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};");
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    protected override Task LockAsync(DbConnection connection, DbTransaction transaction, string key, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected override string InList(string column, string parameter) => $"{column} IN @{parameter}";

    /// <summary>BEGIN IMMEDIATE already holds the database's one write lock.</summary>
    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
