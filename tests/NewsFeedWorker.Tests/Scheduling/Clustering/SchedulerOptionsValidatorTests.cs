using Microsoft.Extensions.Options;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Scheduling.Clustering;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Tests.Scheduling.Clustering;

public sealed class SchedulerOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(SchedulerOptions options, StorageProvider provider) =>
        new SchedulerOptionsValidator(Options.Create(new StorageOptions { Provider = provider, ConnectionString = "x" })).Validate(null, options);

    [Fact]
    public void Cluster_mode_on_postgres_with_the_defaults_is_valid()
    {
        Assert.True(Validate(new SchedulerOptions { Clustered = true }, StorageProvider.Postgres).Succeeded);
        Assert.True(Validate(new SchedulerOptions(), StorageProvider.Sqlite).Succeeded);
    }

    [Fact]
    public void Cluster_mode_on_sqlite_is_refused_naming_both_settings()
    {
        var result = Validate(new SchedulerOptions { Clustered = true }, StorageProvider.Sqlite);

        Assert.True(result.Failed);
        Assert.Contains("Scheduler:Clustered=true needs Storage:Provider=Postgres (not Sqlite)", result.FailureMessage);
    }

    [Fact]
    public void Durations_must_be_positive_and_the_prefix_a_plain_name()
    {
        var result = Validate(
            new SchedulerOptions { CheckinInterval = TimeSpan.Zero, CheckinMisfireThreshold = TimeSpan.FromSeconds(-1), MisfireThreshold = TimeSpan.Zero, TablePrefix = "qrtz; drop" },
            StorageProvider.Postgres);

        Assert.Contains("Scheduler:CheckinInterval", result.FailureMessage);
        Assert.Contains("Scheduler:CheckinMisfireThreshold", result.FailureMessage);
        Assert.Contains("Scheduler:MisfireThreshold", result.FailureMessage);
        Assert.Contains("Scheduler:TablePrefix", result.FailureMessage);
    }
}
