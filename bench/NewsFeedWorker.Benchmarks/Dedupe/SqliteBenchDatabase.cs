using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>A SQLite file; kept when a path is given so the million-row fill is paid once.</summary>
internal sealed class SqliteBenchDatabase(string path, bool keep) : BenchDatabase
{
    private static readonly string[] ParameterNames = ["@id", "@source", "@url", "@title", "@seen", "@simhash", "@b0", "@b1", "@b2", "@b3"];

    public override string Name => "sqlite";

    public override StorageOptions Options { get; } = new() { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={path}" };

    public override RelationalFeedStore CreateStore(StorageOptions options) =>
        new SqliteFeedStore(options, TimeProvider.System, NullLogger<SqliteFeedStore>.Instance);

    public override async Task<long> CountArticlesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM articles";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public override async Task LoadFingerprintsAsync(StoredFingerprints fingerprints, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            // A big page cache for the fill only: random band keys touch every index page.
            pragma.CommandText = "PRAGMA cache_size = -262144";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        const int batch = 50_000;
        for (var start = 0; start < fingerprints.Count; start += batch)
        {
            await using var tx = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = FingerprintRows.InsertSql;
            var p = ParameterNames
                .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })) // type from each value
                .ToArray();
            insert.Prepare();
            for (var i = start; i < Math.Min(fingerprints.Count, start + batch); i++)
            {
                var fp = fingerprints.At(i);
                p[0].Value = FingerprintRows.Id(i);
                p[1].Value = FingerprintRows.Source(i);
                p[2].Value = FingerprintRows.Url(i);
                p[3].Value = "bench";
                p[4].Value = FingerprintRows.FirstSeen(i, fingerprints.Count);
                p[5].Value = unchecked((long)fp);
                for (var band = 0; band < 4; band++)
                {
                    p[6 + band].Value = FingerprintRows.Band(fp, band);
                }

                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
        }

        // Closes the fill's connection for real (not back to the pool) so its big page cache is not counted later.
        SqliteConnection.ClearPool(connection);
    }

    public override async Task<string> PreparePlannerAsync(bool analyze, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The store never runs ANALYZE, so by default its queries get the plans they get without statistics;
        // a kept file must not carry statistics from an --analyze run into a default one.
        command.CommandText = analyze ? "ANALYZE" : "DROP TABLE IF EXISTS sqlite_stat1; DROP TABLE IF EXISTS sqlite_stat4";
        await command.ExecuteNonQueryAsync(cancellationToken);
        SqliteConnection.ClearAllPools();
        return analyze ? "ANALYZE run by the benchmark (what-if: the store does not run it)" : "none (as the store leaves the file)";
    }

    public override async Task<IndexFootprint> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        const string bandQuery =
            "SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name IN ('articles_band0', 'articles_band1', 'articles_band2', 'articles_band3')";
        long? bandBytes;
        var method = "SQLite dbstat";
        try
        {
            await using var stat = connection.CreateCommand();
            stat.CommandText = bandQuery;
            bandBytes = (long)(await stat.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (SqliteException)
        {
            // The SQLite bundled with Microsoft.Data.Sqlite is built without dbstat; Debian's sqlite3 shell has it.
            method = "dbstat via the sqlite3 shell";
            bandBytes = await SqliteShellScalarAsync(bandQuery, cancellationToken);
        }
        return new IndexFootprint
        {
            BandIndexBytes = bandBytes,
            DatabaseBytes = new FileInfo(path).Length,
            Method = $"{method}: pages of articles_band0..3; database = file size after a WAL checkpoint",
        };
    }

    public override async Task DeleteSavedAsync(string sourceIdPrefix, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM articles WHERE source_id LIKE @prefix";
        command.Parameters.AddWithValue("@prefix", sourceIdPrefix + "%");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (!keep)
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }

        return ValueTask.CompletedTask;
    }

    private async Task<long?> SqliteShellScalarAsync(string query, CancellationToken cancellationToken)
    {
        try
        {
            using var shell = Process.Start(new ProcessStartInfo("sqlite3", ["-readonly", path, query]) { RedirectStandardOutput = true })!;
            var text = await shell.StandardOutput.ReadToEndAsync(cancellationToken);
            await shell.WaitForExitAsync(cancellationToken);
            return shell.ExitCode == 0 && long.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
        }
        catch (Win32Exception)
        {
            return null; // no sqlite3 shell on this machine
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(Options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
