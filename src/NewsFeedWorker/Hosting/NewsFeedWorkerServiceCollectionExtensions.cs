using Microsoft.Extensions.Options;
using NewsFeedWorker.Alerts;
using NewsFeedWorker.Diagnostics;
using NewsFeedWorker.Drift;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Publishing.Serving;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Hosting;

/// <summary>The one place every stage is registered, in pipeline order.</summary>
public static class NewsFeedWorkerServiceCollectionExtensions
{
    public static IServiceCollection AddNewsFeedWorker(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddSingleton(TimeProvider.System)
            .AddWorkerOptions(configuration)
            .AddSources(configuration)
            // Publishing reads the sources in force through this delegate; it follows every accepted reload.
            .AddSingleton<CurrentSources>(sp =>
            {
                var catalog = sp.GetRequiredService<SourceCatalog>();
                return () => catalog.Sources;
            })
            .AddSingleton<CurrentTopics>(sp =>
            {
                var catalog = sp.GetRequiredService<SourceCatalog>();
                return () => catalog.Topics;
            })
            .AddScheduling(configuration)
            .AddFetching(configuration)
            .AddParsing(configuration)
            .AddStorage(configuration)
            .AddDrift()
            .AddAlerts(configuration)
            .AddPublishing(configuration)
            .AddFeedServing()
            .AddDiagnostics(configuration, DataDirectory(configuration));

    private static string DataDirectory(IConfiguration configuration) =>
        (configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions()).DataDirectoryPath;

    private static IServiceCollection AddWorkerOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkerOptions>()
            .Bind(configuration.GetSection(WorkerOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<IdleMemoryTrimmer>();
        services.AddOptions<HostOptions>()
            .Configure<IOptions<WorkerOptions>>((host, worker) => host.ShutdownTimeout = worker.Value.ShutdownTimeout);
        return services;
    }
}
