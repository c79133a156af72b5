using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Tests.Storage;

public sealed class StorageOptionsValidatorTests
{
    private static StorageOptions Valid() => new() { ConnectionString = "Data Source=x.db" };

    [Fact]
    public void The_defaults_with_a_connection_string_are_valid() =>
        Assert.True(new StorageOptionsValidator().Validate(null, Valid()).Succeeded);

    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        var options = new StorageOptions();
        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Equal(TimeSpan.FromHours(48), options.RecheckWindow);
        Assert.Equal(3, options.NearDuplicateMaxDistance);
    }

    [Theory]
    [InlineData("RecheckWindow")]
    [InlineData("RetentionMaxAge")]
    [InlineData("TombstoneLifetime")]
    [InlineData("NearDuplicateWindow")]
    [InlineData("BusyTimeout")]
    public void A_non_positive_duration_is_named(string key)
    {
        var options = Valid();
        typeof(StorageOptions).GetProperty(key)!.SetValue(options, TimeSpan.Zero);

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Storage:{key}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void A_near_duplicate_distance_the_index_cannot_find_is_rejected(int distance)
    {
        var options = Valid();
        options.NearDuplicateMaxDistance = distance;
        Assert.Contains("Storage:NearDuplicateMaxDistance", new StorageOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_rejected_with_the_key_named()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = StorageProvider.Postgres });
        Assert.Contains("Storage:ConnectionString is required when Storage:Provider is Postgres", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_items_per_source_is_rejected()
    {
        var options = Valid();
        options.RetentionMaxItemsPerSource = 0;
        Assert.Contains("Storage:RetentionMaxItemsPerSource", new StorageOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }
}
