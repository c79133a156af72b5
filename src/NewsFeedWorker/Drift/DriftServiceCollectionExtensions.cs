namespace NewsFeedWorker.Drift;

/// <summary>Registers drift detection: the monitor the cycle sink feeds and its memory in the store.</summary>
public static class DriftServiceCollectionExtensions
{
    /// <remarks>After <c>AddStorage</c>: the memory is read once the store's schema is migrated.</remarks>
    public static IServiceCollection AddDrift(this IServiceCollection services)
    {
        services.AddSingleton<DriftMonitor>();
        services.AddSingleton<DriftMemoryService>();
        services.AddHostedService(sp => sp.GetRequiredService<DriftMemoryService>());
        return services;
    }
}
