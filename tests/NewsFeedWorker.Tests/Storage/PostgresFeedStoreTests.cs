using Npgsql;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Tests.Storage;

public sealed class PostgresFeedStoreTests
{
    [Fact]
    public void Statements_are_prepared_automatically_when_the_connection_string_does_not_say()
    {
        using var dataSource = PostgresFeedStore.CreateDataSource("Host=127.0.0.1;Username=postgres;Database=feeds");

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);

        Assert.True(settings.MaxAutoPrepare > 0);
        Assert.Equal("feeds", settings.Database);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;MaxAutoPrepare=5", 5)]
    public void An_explicit_auto_prepare_setting_wins(string connectionString, int expected)
    {
        using var dataSource = PostgresFeedStore.CreateDataSource(connectionString);

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxAutoPrepare);
    }
}
