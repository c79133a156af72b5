using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsFeedWorker.Storage;

/// <summary>The embedded store: one SQLite file in WAL mode, writers queued by BEGIN IMMEDIATE and a busy timeout.</summary>
public sealed class SqliteFeedStore : RelationalFeedStore
{
    private readonly string connectionString;
    private readonly string pragmas;
    private string? identity;

    public SqliteFeedStore(StorageOptions options, TimeProvider time, ILogger<SqliteFeedStore> logger)
        : base(options, time, logger)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        connectionString = builder.ToString();
        FilePath = Path.GetFullPath(builder.DataSource);
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // WAL lets the feed endpoints read while a job writes; NORMAL sync in WAL loses no committed transaction
        // when the process dies (only on power loss), which is what a crash test can and does check.
        pragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds};");
    }

    /// <summary>The database file, as an absolute path.</summary>
    public string FilePath { get; }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            identity ??= await SqliteFileIdentity.ReadOrCreateAsync(connection, cancellationToken);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync();
            throw WithPath(ex);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Null while the file at <see cref="FilePath"/> is the one this store opened first; else what happened to it. A
    /// file deleted under a running worker keeps taking writes through the open connections, and all of them are gone
    /// at the next start; a file replaced by another is a different database. Neither shows in any write's result.
    /// </summary>
    public async Task<string?> FileProblemAsync(CancellationToken cancellationToken)
    {
        if (identity is not { } expected)
        {
            return null;
        }

        if (!File.Exists(FilePath))
        {
            return $"the SQLite file {FilePath} was deleted while the worker runs: what it writes now is lost at the next start";
        }

        var found = await SqliteFileIdentity.ReadAsync(connectionString, cancellationToken);
        return found == expected
            ? null
            : $"the SQLite file {FilePath} was replaced by another file while the worker runs: restart the worker to use it";
    }

    /// <summary>SQLite's own messages ("unable to open database file") do not say which file.</summary>
    public SqliteException WithPath(SqliteException exception) =>
        exception.Message.Contains(FilePath, StringComparison.Ordinal)
            ? exception
            : new SqliteException($"{exception.Message} (database file {FilePath})", exception.SqliteErrorCode, exception.SqliteExtendedErrorCode);

    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    protected override Task LockAsync(DbConnection connection, DbTransaction transaction, string key, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected override string InList(string column, string parameter) => $"{column} IN @{parameter}";

    /// <summary>BEGIN IMMEDIATE already holds the database's one write lock.</summary>
    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
