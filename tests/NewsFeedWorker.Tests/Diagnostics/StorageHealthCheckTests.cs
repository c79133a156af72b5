using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsFeedWorker.Diagnostics;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;
using NewsFeedWorker.Tests.Scheduling;

namespace NewsFeedWorker.Tests.Diagnostics;

/// <summary>A real SQLite file that stops taking writes, or disappears, under a running store.</summary>
public sealed class StorageHealthCheckTests : IAsyncLifetime
{
    private readonly TempDirectory directory = new();
    private readonly StorageFaults faults = new();
    private readonly FakeSite site = new();
    private SqliteFeedStore store = null!;

    private string DatabasePath => directory.File("feeds.db");

    public async Task InitializeAsync()
    {
        store = Open(DatabasePath);
        await store.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    private static SqliteFeedStore Open(string path) =>
        new(new StorageOptions { ConnectionString = $"Data Source={path}" }, new FakeTimeProvider(), NullLogger<SqliteFeedStore>.Instance);

    private StorageHealthCheck Check() => new([store], [faults]);

    private ScrapeCycle Cycle() => TestCycles.Over(site, store, storageFaults: faults, now: new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));

    private static SourceDefinition Source() => Some.Source() with { StartUrls = [FakeSite.Url("list")] };

    /// <summary>Fault injection in the database itself: every insert is refused with SQLite's own disk-full message.</summary>
    private async Task FillTheDiskAsync(bool full)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = full
            ? """
              CREATE TRIGGER full_articles BEFORE INSERT ON articles BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;
              CREATE TRIGGER full_status BEFORE INSERT ON source_status BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;
              """
            : "DROP TRIGGER full_articles; DROP TRIGGER full_status;";
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_cycle_whose_writes_fail_turns_storage_unhealthy_until_a_cycle_stores_again()
    {
        site.ListPage("list", null, "a/1").ArticlePage("a/1");
        await FillTheDiskAsync(full: true);

        await Assert.ThrowsAsync<SqliteException>(() => Cycle().RunAsync(Source(), CancellationToken.None));
        var failing = await Check().CheckHealthAsync(new HealthCheckContext());
        await FillTheDiskAsync(full: false);
        await Cycle().RunAsync(Source(), CancellationToken.None);
        var recovered = await Check().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, failing.Status);
        Assert.StartsWith("Storage writes failing since 2026-12-04 00:00:00Z: ", failing.Description, StringComparison.Ordinal);
        Assert.Contains("database or disk is full", failing.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, recovered.Status);
    }

    [Fact]
    public async Task A_database_file_deleted_under_the_store_turns_storage_unhealthy()
    {
        Assert.Equal(HealthStatus.Healthy, (await Check().CheckHealthAsync(new HealthCheckContext())).Status);

        File.Delete(DatabasePath);
        var result = await Check().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal($"Storage: the SQLite file {DatabasePath} was deleted while the worker runs: what it writes now is lost at the next start", result.Description);
    }

    [Fact]
    public async Task A_database_file_replaced_by_another_turns_storage_unhealthy()
    {
        var otherPath = directory.File("other.db");
        await using (var other = Open(otherPath))
        {
            await other.MigrateAsync(CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        File.Move(otherPath, DatabasePath, overwrite: true);
        var result = await Check().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("was replaced by another file", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_at_start_names_its_path()
    {
        // A directory where the file should be: SQLite says only "unable to open database file".
        var path = directory.File("a-directory.db");
        Directory.CreateDirectory(path);
        await using var unopenable = Open(path);

        var error = await Assert.ThrowsAsync<SqliteException>(() => new StorageMigrationService(unopenable).StartAsync(CancellationToken.None));

        Assert.Contains("unable to open database file", error.Message, StringComparison.Ordinal);
        Assert.Contains($"(database file {path})", error.Message, StringComparison.Ordinal);
    }
}
