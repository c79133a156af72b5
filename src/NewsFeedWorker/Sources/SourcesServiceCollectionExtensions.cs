namespace NewsFeedWorker.Sources;

/// <summary>Registers the sources stage.</summary>
public static class SourcesServiceCollectionExtensions
{
    public static IServiceCollection AddSources(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
