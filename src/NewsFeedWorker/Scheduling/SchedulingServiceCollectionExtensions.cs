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
                scheduler.InstanceName = "NewsFeedWorker";
                // On shutdown running cycles get a cancelled token, and Quartz still waits for them to unwind.
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            quartz.UseInMemoryStore();
            quartz.AddJobType<SourceJob>(ServiceLifetime.Scoped);

            // Retention runs beside the sources; pruning an up-to-date store is a few cheap deletes.
            var retention = new JobKey("retention", "maintenance");
            quartz.AddJob<Storage.RetentionJob>(job => job.WithIdentity(retention));
            quartz.AddTrigger(trigger => trigger.ForJob(retention).WithIdentity("retention", "maintenance")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(pruneInterval).RepeatForever()));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddSingleton<SourceJobScheduler>();
        services.AddSingleton<SourceScheduleService>();
        services.AddHostedService(sp => sp.GetRequiredService<SourceScheduleService>());
        services.AddScoped<ScrapeCycle>();
        services.AddScoped<ISourceCycle>(sp => sp.GetRequiredService<ScrapeCycle>());
        return services;
    }
}
