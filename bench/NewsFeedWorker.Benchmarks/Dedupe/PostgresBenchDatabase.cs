using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>A throwaway database on the PostgreSQL server named by a connection string; dropped at the end.</summary>
internal sealed class PostgresBenchDatabase : BenchDatabase
{
    private readonly string adminConnectionString;
    private readonly string database = $"nfw_bench_{Guid.NewGuid():N}";

    private PostgresBenchDatabase(string adminConnectionString)
    {
        this.adminConnectionString = adminConnectionString;
        Options = new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString,
        };
    }

    public override string Name => "postgres";

    public override StorageOptions Options { get; }

    public static async Task<PostgresBenchDatabase> CreateAsync(string adminConnectionString, CancellationToken cancellationToken)
    {
        var db = new PostgresBenchDatabase(adminConnectionString);
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {db.database}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return db;
    }

    public override RelationalFeedStore CreateStore(StorageOptions options) =>
        new PostgresFeedStore(options, TimeProvider.System, NullLogger<PostgresFeedStore>.Instance);

    public override async Task<long> CountArticlesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM articles", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public override async Task LoadFingerprintsAsync(StoredFingerprints fingerprints, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY articles (id, source_id, canonical_url, title, sort_time, first_seen, content_hash, simhash, band0, band1, band2, band3, article_json) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            for (var i = 0; i < fingerprints.Count; i++)
            {
                var fp = fingerprints.At(i);
                var seen = FingerprintRows.FirstSeen(i, fingerprints.Count);
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(FingerprintRows.Id(i), NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(FingerprintRows.Source(i), NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(FingerprintRows.Url(i), NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync("bench", NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(seen, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(seen, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync("bench", NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(unchecked((long)fp), NpgsqlDbType.Bigint, cancellationToken);
                for (var band = 0; band < 4; band++)
                {
                    await writer.WriteAsync(FingerprintRows.Band(fp, band), NpgsqlDbType.Integer, cancellationToken);
                }

                await writer.WriteAsync("{}", NpgsqlDbType.Text, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        // What autovacuum does within a minute of a bulk load on a live server: timing before it would be unrepresentative.
        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE articles", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    public override Task<string> PreparePlannerAsync(bool analyze, CancellationToken cancellationToken) =>
        Task.FromResult("VACUUM ANALYZE after the fill (what autovacuum leaves on a live server)");

    public override async Task<IndexFootprint> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT SUM(pg_relation_size(c.oid)) FROM pg_class c WHERE c.relname IN ('articles_band0', 'articles_band1', 'articles_band2', 'articles_band3'))::bigint,
                   pg_database_size(current_database())
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IndexFootprint
        {
            BandIndexBytes = reader.GetInt64(0),
            DatabaseBytes = reader.GetInt64(1),
            Method = "pg_relation_size of articles_band0..3; database = pg_database_size",
        };
    }

    public override async Task DeleteSavedAsync(string sourceIdPrefix, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM articles WHERE source_id LIKE @prefix", connection);
        command.Parameters.AddWithValue("prefix", sourceIdPrefix + "%");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(Options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
