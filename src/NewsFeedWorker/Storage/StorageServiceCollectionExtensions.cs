using Microsoft.Extensions.Options;
using Quartz;

namespace NewsFeedWorker.Storage;

/// <summary>Registers the storage stage: options, the configured backend, schema migration at start.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure(options => options.ConnectionString ??= DefaultConnectionString(options.Provider, configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        // Retention runs on the scheduler beside the sources, every Storage:PruneInterval; pruning an up-to-date store
        // is a few cheap deletes. (Registering with the default scheduler adds to what the scheduling stage registers.)
        services.AddQuartz(quartz =>
        {
            var retention = new JobKey("retention", "maintenance");
            quartz.AddJob<RetentionJob>(job => job.WithIdentity(retention));
            quartz.AddTrigger((provider, trigger) => trigger.ForJob(retention).WithIdentity("retention", "maintenance")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule
                    .WithInterval(provider.GetRequiredService<IOptions<StorageOptions>>().Value.PruneInterval)
                    .RepeatForever()));
        });
        services.AddSingleton<IFeedStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return options.Provider switch
            {
                StorageProvider.Postgres => new PostgresFeedStore(options, time, sp.GetRequiredService<ILogger<PostgresFeedStore>>()),
                _ => new SqliteFeedStore(options, time, sp.GetRequiredService<ILogger<SqliteFeedStore>>()),
            };
        });
        services.AddSingleton<StorageFaults>();
        services.AddHostedService<StorageMigrationService>();
        services.AddTransient<RetentionJob>();
        return services;
    }

    /// <summary>The SQLite file under <c>Worker:DataDirectory</c> (default <c>data</c>); PostgreSQL has no default.</summary>
    internal static string? DefaultConnectionString(StorageProvider provider, IConfiguration configuration)
    {
        if (provider != StorageProvider.Sqlite)
        {
            return null;
        }

        var dataDirectory = configuration["Worker:DataDirectory"];
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            dataDirectory = "data";
        }

        return $"Data Source={Path.GetFullPath(Path.Combine(dataDirectory, "newsfeedworker.db"))}";
    }
}
