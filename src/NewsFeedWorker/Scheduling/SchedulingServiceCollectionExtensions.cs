using Quartz;

namespace NewsFeedWorker.Scheduling;

/// <summary>Registers the scheduling stage: Quartz in memory, one job per source, the cycle it runs.</summary>
public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var pruneInterval = configuration.GetValue<TimeSpan?>("Storage:PruneInterval") ?? TimeSpan.FromHours(6);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                // Quartz keeps schedulers in a process-wide repository by name: a second host in the same process (tests,
                // a command beside the worker) with the same name would be handed the first host's scheduler.
                scheduler.InstanceName = $"NewsFeedWorker-{Guid.NewGuid():N}";
                // On shutdown running cycles get a cancelled token, and Quartz still waits for them to unwind.
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            quartz.UseInMemoryStore();
            quartz.AddJobType<SourceJob>(ServiceLifetime.Scoped);
            quartz.AddJobListener<JobMetricsListener>(GroupMatcher<JobKey>.GroupEquals(SourceJobScheduler.Group));
            quartz.AddTriggerListener<JobMetricsListener>(GroupMatcher<TriggerKey>.GroupEquals(SourceJobScheduler.Group));

            // Retention runs beside the sources; pruning an up-to-date store is a few cheap deletes.
            var retention = new JobKey("retention", "maintenance");
            quartz.AddJob<Storage.RetentionJob>(job => job.WithIdentity(retention));
            quartz.AddTrigger(trigger => trigger.ForJob(retention).WithIdentity("retention", "maintenance")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(pruneInterval).RepeatForever()));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddMetrics();
        services.AddSingleton<SchedulingMetrics>();
        services.AddSingleton<JobMetricsListener>();
        services.AddSingleton<SourceJobScheduler>();
        services.AddSingleton<SourceScheduleService>();
        services.AddHostedService(sp => sp.GetRequiredService<SourceScheduleService>());
        services.AddScoped<ScrapeCycle>();
        services.AddScoped<ISourceCycle>(sp => sp.GetRequiredService<ScrapeCycle>());
        return services;
    }
}
