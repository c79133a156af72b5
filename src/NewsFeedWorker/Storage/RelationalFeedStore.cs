using System.Data.Common;
using Dapper;
using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.Storage;

/// <summary>
/// The store over any SQL database that speaks the common dialect both backends share (ON CONFLICT, RETURNING-free
/// upserts, window functions). Subclasses supply connections, transactions and the migration lock.
/// </summary>
public abstract partial class RelationalFeedStore(StorageOptions options, TimeProvider time, ILogger logger) : IFeedStore, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim migrateGate = new(1, 1);
    private volatile bool migrated;

    protected StorageOptions Options { get; } = options;

    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    /// <summary>Opens a connection ready for use (pragmas set).</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Starts a write transaction; SQLite takes the write lock up front so two writers queue instead of deadlocking.</summary>
    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Makes concurrent migrations from several processes take turns (inside the migration transaction).</summary>
    protected abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Serializes writers of one key until the transaction ends (SQLite's write lock already does).</summary>
    protected abstract Task LockAsync(DbConnection connection, DbTransaction transaction, string key, CancellationToken cancellationToken);

    /// <summary>"column is one of the values in the array parameter": Dapper expands lists for SQLite, Npgsql takes arrays.</summary>
    protected abstract string InList(string column, string parameter);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (migrated)
        {
            return;
        }

        await migrateGate.WaitAsync(cancellationToken);
        try
        {
            if (migrated)
            {
                return;
            }

            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var tx = await BeginWriteAsync(connection, cancellationToken);
            await LockForMigrationAsync(connection, tx, cancellationToken);
            await connection.ExecuteAsync(Command(FeedSchema.CreateVersionTable, null, tx, cancellationToken));
            var current = await connection.ExecuteScalarAsync<long?>(Command("SELECT MAX(version) FROM schema_version", null, tx, cancellationToken)) ?? 0;
            foreach (var (version, sql) in FeedSchema.Migrations)
            {
                if (version <= current)
                {
                    continue;
                }

                await connection.ExecuteAsync(Command(sql, null, tx, cancellationToken));
                await connection.ExecuteAsync(Command(
                    "INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)",
                    new { version, at = Time.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken));
                Log.Migrated(Logger, version);
            }

            await tx.CommitAsync(cancellationToken);
            migrated = true;
        }
        finally
        {
            migrateGate.Release();
        }
    }

    /// <summary>The schema version recorded in the database (tests and diagnostics).</summary>
    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (int)(await connection.ExecuteScalarAsync<long?>(Command("SELECT MAX(version) FROM schema_version", null, null, cancellationToken)) ?? 0);
    }

    public async Task<long> GetChangeVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(Command("SELECT version FROM change_version WHERE id = 1", null, null, cancellationToken));
    }

    public async Task<IReadOnlyDictionary<string, long>> GetSourceChangeVersionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string SourceId, long Version)>(Command(
            "SELECT source_id, version FROM source_changes", null, null, cancellationToken));
        return rows.ToDictionary(r => r.SourceId, r => r.Version, StringComparer.Ordinal);
    }

    public async Task<FetchValidators> GetValidatorsAsync(Uri url, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FetchStateRow>(Command(
            "SELECT etag AS Etag, last_modified AS LastModified FROM fetch_state WHERE url = @url",
            new { url = url.AbsoluteUri }, null, cancellationToken));
        return row is null ? FetchValidators.None : new FetchValidators(row.Etag, FromUnix(row.LastModified));
    }

    public Task SaveFetchStateAsync(Uri url, FetchValidators validators, int? status, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpsertFetchStateAsync(url, validators, status, at, listLinks: null, cancellationToken);

    public Task SaveListPageAsync(Uri url, FetchValidators validators, int status, DateTimeOffset at, ListPageLinks links, CancellationToken cancellationToken) =>
        UpsertFetchStateAsync(url, validators, status, at,
            StoreJson.Serialize(new StoredListLinks([.. links.Links.Select(l => l.AbsoluteUri)], links.NextPage?.AbsoluteUri)), cancellationToken);

    public async Task<ListPageLinks?> GetListPageLinksAsync(Uri url, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var json = await connection.ExecuteScalarAsync<string?>(Command(
            "SELECT list_links FROM fetch_state WHERE url = @url", new { url = url.AbsoluteUri }, null, cancellationToken));
        if (json is null)
        {
            return null;
        }

        var stored = StoreJson.Deserialize<StoredListLinks>(json);
        return new ListPageLinks([.. stored.Links.Select(l => new Uri(l))], stored.Next is { } next ? new Uri(next) : null);
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseConnectionsAsync();
        migrateGate.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Synchronous disposal too, because containers disposed with <c>Dispose()</c> refuse async-only services.</summary>
    public void Dispose()
    {
        ReleaseConnections();
        migrateGate.Dispose();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask ReleaseConnectionsAsync() => ValueTask.CompletedTask;

    protected virtual void ReleaseConnections()
    {
    }

    /// <summary>One page's validators; a list page's links replace the ones kept, a page saved without links (a 304) keeps them.</summary>
    private async Task UpsertFetchStateAsync(Uri url, FetchValidators validators, int? status, DateTimeOffset at, string? listLinks, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(Command(
            """
            INSERT INTO fetch_state (url, etag, last_modified, last_status, first_at, at, list_links)
            VALUES (@url, @etag, @lastModified, @status, @at, @at, @listLinks)
            ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                last_status = excluded.last_status, at = excluded.at, list_links = COALESCE(excluded.list_links, fetch_state.list_links)
            """,
            new
            {
                url = url.AbsoluteUri,
                etag = validators.ETag,
                lastModified = validators.LastModified?.ToUnixTimeMilliseconds(),
                status,
                at = at.ToUnixTimeMilliseconds(),
                listLinks,
            },
            tx, cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>A connection to a migrated database.</summary>
    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return await OpenConnectionAsync(cancellationToken);
    }

    private static CommandDefinition Command(string sql, object? parameters, DbTransaction? tx, CancellationToken cancellationToken) =>
        new(sql, parameters, tx, cancellationToken: cancellationToken);

    private static Task<int> BumpChangeVersionAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command("UPDATE change_version SET version = version + 1 WHERE id = 1", null, tx, cancellationToken));

    /// <summary>Bumps the change version and records it as the last change of <paramref name="sourceId"/>'s feeds.</summary>
    private static async Task BumpChangeVersionAsync(DbConnection connection, DbTransaction tx, string sourceId, CancellationToken cancellationToken)
    {
        await BumpChangeVersionAsync(connection, tx, cancellationToken);
        await connection.ExecuteAsync(Command(
            """
            INSERT INTO source_changes (source_id, version) SELECT @sourceId, version FROM change_version WHERE id = 1
            ON CONFLICT (source_id) DO UPDATE SET version = excluded.version
            """,
            new { sourceId }, tx, cancellationToken));
    }

    /// <summary>The source of article <paramref name="articleId"/> changed too (a copy now links to it).</summary>
    private static Task<int> MarkSourceOfArticleChangedAsync(DbConnection connection, DbTransaction tx, string articleId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command(
            """
            INSERT INTO source_changes (source_id, version)
            SELECT a.source_id, c.version FROM articles a, change_version c WHERE a.id = @articleId AND c.id = 1
            ON CONFLICT (source_id) DO UPDATE SET version = excluded.version
            """,
            new { articleId }, tx, cancellationToken));

    /// <summary>The JSON shape of <see cref="ListPageLinks"/> in <c>fetch_state.list_links</c>.</summary>
    private sealed record StoredListLinks(IReadOnlyList<string> Links, string? Next);

    private static DateTimeOffset? FromUnix(long? milliseconds) =>
        milliseconds is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
