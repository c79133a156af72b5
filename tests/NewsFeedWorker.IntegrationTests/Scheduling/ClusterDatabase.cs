using Npgsql;
using NewsFeedWorker.IntegrationTests.Storage;

namespace NewsFeedWorker.IntegrationTests.Scheduling;

/// <summary>A fresh database on the test PostgreSQL server (<c>NEWSFEEDWORKER_TEST_POSTGRES</c>), dropped afterwards.</summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name = "nfw_cluster_" + Guid.NewGuid().ToString("N");

    private ClusterDatabase(string server)
    {
        this.server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ClusterDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresFeedStoreTests.Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresFeedStoreTests.Variable} is not set: the cluster test needs a PostgreSQL server. Run ./test.sh (it starts a " +
                $"throwaway PostgreSQL on 127.0.0.1 and sets {PostgresFeedStoreTests.Variable}), or set it to a connection string such as " +
                "\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\".");
        }

        var database = new ClusterDatabase(server);
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database.name}");
        return database;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Like <see cref="QueryAsync{T}"/>, but a table that does not exist yet reads as empty.</summary>
    public async Task<List<T>> QueryOrEmptyAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        try
        {
            return await QueryAsync(sql, read);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
