using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddStorage(configuration)
            .BuildServiceProvider();
    }

    [Fact]
    public void Sqlite_is_the_default_with_a_file_under_the_data_directory()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "nfw-options-" + Guid.NewGuid().ToString("N"));
        using var services = Build(new() { ["Worker:DataDirectory"] = dataDirectory });

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Equal($"Data Source={Path.Combine(dataDirectory, "newsfeedworker.db")}", options.ConnectionString);
        Assert.IsType<SqliteFeedStore>(services.GetRequiredService<IFeedStore>());
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public void Without_a_data_directory_the_file_goes_under_data()
    {
        using var services = Build([]);
        Assert.Equal($"Data Source={Path.GetFullPath(Path.Combine("data", "newsfeedworker.db"))}", services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString);
    }

    [Fact]
    public void The_provider_setting_selects_postgres()
    {
        using var services = Build(new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = "Host=127.0.0.1;Username=x" });
        Assert.IsType<PostgresFeedStore>(services.GetRequiredService<IFeedStore>());
    }

    [Fact]
    public void Postgres_without_a_connection_string_fails_naming_the_key()
    {
        using var services = Build(new() { ["Storage:Provider"] = "Postgres" });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Durations_are_read_as_timespans()
    {
        using var services = Build(new() { ["Storage:RecheckWindow"] = "12:00:00", ["Storage:NearDuplicateWindow"] = "2.00:00:00" });
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.Equal((TimeSpan.FromHours(12), TimeSpan.FromDays(2)), (options.RecheckWindow, options.NearDuplicateWindow));
    }

    [Fact]
    public void Registration_adds_the_migration_service_and_the_retention_job()
    {
        using var services = Build([]);
        Assert.Contains(services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is StorageMigrationService);
        Assert.NotNull(services.GetService<ILogger<RetentionJob>>());
        Assert.IsType<RetentionJob>(services.GetRequiredService<RetentionJob>());
    }
}
