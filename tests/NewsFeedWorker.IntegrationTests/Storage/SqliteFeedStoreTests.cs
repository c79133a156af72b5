using Microsoft.Data.Sqlite;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.IntegrationTests.Storage;

/// <summary>The store suite on a real SQLite file in a fresh temporary directory per test.</summary>
public sealed class SqliteFeedStoreTests : FeedStoreContractTests
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "nfw-store-" + Guid.NewGuid().ToString("N"));

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override Task CreateDatabaseAsync()
    {
        // The directory does not exist yet: the store must create it.
        ConnectionString = $"Data Source={Path.Combine(directory, "data", "newsfeedworker.db")}";
        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_database_file_is_created_in_wal_mode()
    {
        await NewStore().MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(directory, "data", "newsfeedworker.db")));
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
