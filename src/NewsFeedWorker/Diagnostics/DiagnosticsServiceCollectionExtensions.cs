namespace NewsFeedWorker.Diagnostics;

/// <summary>Registers the diagnostics stage.</summary>
public static class DiagnosticsServiceCollectionExtensions
{
    public static IServiceCollection AddDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
