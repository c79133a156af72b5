using Microsoft.Extensions.Options;
using NewsFeedWorker.Drift;
using NewsFeedWorker.Publishing.Serving;
using NewsFeedWorker.Scheduling.Clustering;
using NewsFeedWorker.Storage;
using Quartz;

namespace NewsFeedWorker.Scheduling;

/// <summary>
/// Registers the scheduling stage: Quartz (in memory, or clustered on PostgreSQL with <c>Scheduler:Clustered</c>), one
/// job per source, the cycle it runs.
/// </summary>
public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulerOptions>()
            .Bind(configuration.GetSection(SchedulerOptions.SectionName))
            .Bind(configuration.GetSection(SchedulerOptions.WorkerSectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>();

        // Quartz is configured while services are registered, so cluster mode is read from the configuration here;
        // the validator above stops the start when it is switched on without PostgreSQL.
        var scheduling = configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var clustered = scheduling.Clustered && storage.Provider == StorageProvider.Postgres && !string.IsNullOrWhiteSpace(storage.ConnectionString);

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                // Quartz keeps schedulers in a process-wide repository by name: a second host in the same process (tests,
                // a command beside the worker) with the same name would be handed the first host's scheduler. Clustered
                // nodes must share one name, though: it keys their rows in the shared job store.
                scheduler.InstanceName = clustered ? "NewsFeedWorker" : $"NewsFeedWorker-{Guid.NewGuid():N}";
                // On shutdown running cycles get a cancelled token, and Quartz still waits for them to unwind.
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            if (clustered)
            {
                UseClusteredStore(quartz, scheduling, storage.ConnectionString!);
            }
            else
            {
                quartz.UseInMemoryStore();
            }

            quartz.AddJobType<SourceJob>(ServiceLifetime.Scoped);
            quartz.AddJobListener<JobMetricsListener>(GroupMatcher<JobKey>.GroupEquals(SourceJobScheduler.Group));
            quartz.AddTriggerListener<JobMetricsListener>(GroupMatcher<TriggerKey>.GroupEquals(SourceJobScheduler.Group));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddSingleton<ScheduleLock>();
        services.AddMetrics();
        services.AddSingleton<SchedulingMetrics>();
        services.AddSingleton<JobMetricsListener>();
        services.AddSingleton<SourceJobScheduler>();
        services.AddSingleton<SourceScheduleService>();
        services.AddHostedService(sp => sp.GetRequiredService<SourceScheduleService>());
        services.AddSingleton<ParseGate>();
        services.AddSingleton<ICycleSink>(sp => new StoreCycleSink(sp.GetRequiredService<IFeedStore>(), sp.GetRequiredService<FeedPublisher>(), sp.GetRequiredService<DriftMonitor>(), sp.GetRequiredService<DriftMemoryService>()));
        services.AddScoped<ScrapeCycle>();
        services.AddScoped<ISourceCycle>(sp => sp.GetRequiredService<ScrapeCycle>());
        return services;
    }

    /// <summary>
    /// Quartz's own clustered ADO.NET store: every node shares the triggers in PostgreSQL, each firing is taken by
    /// exactly one node under Quartz's row lock, and a node that stops checking in has its running jobs recovered.
    /// </summary>
    private static void UseClusteredStore(IQuartzBuilder quartz, SchedulerOptions options, string connectionString)
    {
        // instanceId AUTO: each node generates its own id at start (host name and process id, see the generator).
        quartz.ConfigureScheduler(scheduler => scheduler.GenerateInstanceId = true);
        quartz.UseInstanceIdGenerator<NodeInstanceIdGenerator>();
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(postgres =>
            {
                postgres.ConnectionString = connectionString;
            });
            store.UseSystemTextJsonSerializer();
            // Creates the qrtz_* tables of a fresh database; several nodes starting at once find the winner's schema.
            store.ProvisionSchema();
            // One history for the cluster: which node ran which firing, when, for how long (qrtz_execution_history).
            store.UseExecutionHistory();
            store.ConfigureStore(ado =>
            {
                ado.TablePrefix = options.TablePrefix;
                ado.MisfireThreshold = options.MisfireThreshold;
                // A cycle cancelled by a graceful stop (SIGTERM, rolling restart) runs again on another node right away.
                ado.RecoverFiringsCancelledByShutdown = true;
            });
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = options.CheckinInterval;
                cluster.CheckinMisfireThreshold = options.CheckinMisfireThreshold;
            });
        });
    }
}
