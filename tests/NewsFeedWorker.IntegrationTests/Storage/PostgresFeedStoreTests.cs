using Npgsql;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.IntegrationTests.Storage;

/// <summary>
/// The store suite on a real PostgreSQL server (<c>NEWSFEEDWORKER_TEST_POSTGRES</c>, set by test.sh); every test
/// gets its own database, dropped afterwards. Without the variable the tests fail: a skipped backend is untested.
/// </summary>
public sealed class PostgresFeedStoreTests : FeedStoreContractTests
{
    public const string Variable = "NEWSFEEDWORKER_TEST_POSTGRES";

    private readonly string database = "nfw_test_" + Guid.NewGuid().ToString("N");

    protected override StorageProvider Provider => StorageProvider.Postgres;

    protected override async Task CreateDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set: the PostgreSQL store tests need a server. Run ./test.sh (it starts a throwaway PostgreSQL " +
                $"on 127.0.0.1 and sets {Variable}), or set it to a connection string such as \"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\".");
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
        await command.ExecuteNonQueryAsync();
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server) || ConnectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
