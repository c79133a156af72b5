namespace NewsFeedWorker.Scheduling;

/// <summary>Registers the scheduling stage.</summary>
public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
