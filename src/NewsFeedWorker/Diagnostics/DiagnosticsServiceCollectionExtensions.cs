using Serilog;

namespace NewsFeedWorker.Diagnostics;

/// <summary>Registers the diagnostics stage: Serilog from settings and the health checks behind <c>/health</c>.</summary>
public static class DiagnosticsServiceCollectionExtensions
{
    public static IServiceCollection AddDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        // A bootstrap logger (from Program) is replaced in place; anywhere else (tests) the static logger is left alone.
        var ownsStaticLogger = Log.Logger is Serilog.Extensions.Hosting.ReloadableLogger;
        services.AddSerilog((provider, logger) => SerilogSetup.Configure(logger, configuration, provider), preserveStaticLogger: !ownsStaticLogger);
        services.AddHealthChecks()
            .AddCheck<SourcesHealthCheck>("sources")
            .AddCheck<SchedulerHealthCheck>("scheduler")
            .AddCheck<SourceRunsHealthCheck>("runs");
        return services;
    }
}
