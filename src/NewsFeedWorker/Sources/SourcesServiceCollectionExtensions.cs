namespace NewsFeedWorker.Sources;

/// <summary>Registers the sources stage: the catalog of sources in force and the watcher that reloads it.</summary>
public static class SourcesServiceCollectionExtensions
{
    public static IServiceCollection AddSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourcesOptions>()
            .Bind(configuration.GetSection(SourcesOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SourceCatalog>();
        services.AddSingleton<SourcesFileWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<SourcesFileWatcher>());
        return services;
    }
}
