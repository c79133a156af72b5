using NewsFeedWorker.Alerts;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Publishing.Serving;
using NewsFeedWorker.Scheduling;
using OpenTelemetry.Metrics;
using Serilog;

namespace NewsFeedWorker.Diagnostics;

/// <summary>Registers the diagnostics stage: Serilog from settings, the health checks behind <c>/health</c>, metrics behind <c>/metrics</c>.</summary>
public static class DiagnosticsServiceCollectionExtensions
{
    /// <summary>Health checks with this tag decide readiness (<c>/health/ready</c>); liveness runs none.</summary>
    public const string ReadyTag = "ready";

    private static readonly double[] SecondsBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

    /// <param name="dataDirectory">The worker's data directory (full path), where file sinks may write.</param>
    public static IServiceCollection AddDiagnostics(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        // A bootstrap logger (from Program) is replaced in place; anywhere else (tests) the static logger is left alone.
        var ownsStaticLogger = Log.Logger is Serilog.Extensions.Hosting.ReloadableLogger;
        services.AddSerilog((provider, logger) => SerilogSetup.Configure(logger, configuration, provider, dataDirectory), preserveStaticLogger: !ownsStaticLogger);

        services.AddOptions<DiagnosticsOptions>()
            .Bind(configuration.GetSection(DiagnosticsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [ReadyTag])
            .AddCheck<SourcesHealthCheck>("sources")
            .AddCheck<SourceRunsHealthCheck>("runs")
            .AddCheck<AlertsHealthCheck>("alerts")
            .AddCheck<SourceDriftHealthCheck>("drift");

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(FetchMetrics.MeterName, SchedulingMetrics.MeterName, FeedRequestMetrics.MeterName, AlertMetrics.MeterName)
            // Polly's own meter: retries (event.name=OnRetry) and circuit transitions (OnCircuitOpened/Closed/HalfOpened).
            .AddMeter("Polly")
            .AddRuntimeInstrumentation()
            // OpenTelemetry's default buckets (0, 5, 10, 25 … 10000) suit milliseconds; these are seconds, bytes and attempts.
            .AddView("newsfeedworker.fetch.duration", new ExplicitBucketHistogramConfiguration { Boundaries = SecondsBuckets })
            .AddView("newsfeedworker.job.duration", new ExplicitBucketHistogramConfiguration { Boundaries = SecondsBuckets })
            .AddView("newsfeedworker.fetch.body.size", new ExplicitBucketHistogramConfiguration { Boundaries = [1_024, 8_192, 32_768, 131_072, 524_288, 1_048_576, 2_097_152, 5_242_880] })
            .AddView("newsfeedworker.fetch.attempts", new ExplicitBucketHistogramConfiguration { Boundaries = [1, 2, 3, 4, 6, 11] })
            // No response cache: a scrape right after an event must see it (Prometheus scrapes every few seconds at most).
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }
}
