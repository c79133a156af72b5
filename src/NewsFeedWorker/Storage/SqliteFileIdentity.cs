using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace NewsFeedWorker.Storage;

/// <summary>
/// A random id written once into a SQLite file, so the store can tell its own file from one that replaced it at the same
/// path (.NET exposes no inode number). SQLite only: a PostgreSQL database is not a file that can be swapped.
/// </summary>
internal static class SqliteFileIdentity
{
    public static async Task<string> ReadOrCreateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            "CREATE TABLE IF NOT EXISTS store_identity (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), value TEXT NOT NULL);" +
            "INSERT OR IGNORE INTO store_identity (id, value) VALUES (1, $value);" +
            "SELECT value FROM store_identity WHERE id = 1;";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$value";
        parameter.Value = Guid.NewGuid().ToString("n");
        command.Parameters.Add(parameter);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The id in the file now at the path, through a connection of its own (pooled ones may hold the old file); null when it has none.</summary>
    public static async Task<string?> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadOnly };
        await using var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM store_identity WHERE id = 1";
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }
        catch (SqliteException)
        {
            return null; // not a database, or one without the table: not ours either way
        }
    }
}
