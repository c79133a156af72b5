namespace NewsFeedWorker.Publishing;

/// <summary>Registers the publishing stage.</summary>
public static class PublishingServiceCollectionExtensions
{
    public static IServiceCollection AddPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
