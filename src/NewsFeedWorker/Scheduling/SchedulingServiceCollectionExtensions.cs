using Quartz;

namespace NewsFeedWorker.Scheduling;

/// <summary>Registers the scheduling stage: Quartz in memory, one job per source, the cycle it runs.</summary>
public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
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
