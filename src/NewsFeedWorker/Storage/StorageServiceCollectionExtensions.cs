namespace NewsFeedWorker.Storage;

/// <summary>Registers the storage stage.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
