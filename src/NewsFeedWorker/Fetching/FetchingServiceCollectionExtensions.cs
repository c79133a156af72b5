using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly.Telemetry;

namespace NewsFeedWorker.Fetching;

/// <summary>Registers the fetching stage: options, the resilient per-host HTTP client, politeness, robots.txt, metrics.</summary>
public static class FetchingServiceCollectionExtensions
{
    public static IServiceCollection AddFetching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FetchingOptions>()
            .Bind(configuration.GetSection(FetchingOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.ContactUrl.IsAbsoluteUri && o.ContactUrl.Scheme is "http" or "https", "Fetching:ContactUrl must be an absolute http(s) URL")
            .Validate(o => o.AttemptTimeout <= o.TotalTimeout, "Fetching:AttemptTimeout must not exceed Fetching:TotalTimeout")
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.TryAddSingleton<GuardedConnector>();
        services.TryAddSingleton<UrlPolicy>();
        services.TryAddSingleton<HostPoliteness>();
        services.TryAddSingleton<FetchClient>();
        services.TryAddSingleton<RobotsTxtCache>();
        services.TryAddSingleton<FetchMetrics>();
        services.TryAddSingleton<PageFetcher>();
        services.TryAddTransient<AttemptHandler>();

        var client = services.AddHttpClient(FetchClient.HttpClientName)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan) // the pipeline's total timeout rules
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, // every hop is checked by PageFetcher
                AutomaticDecompression = DecompressionMethods.None, // BodyReader decompresses under the size limit
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = sp.GetRequiredService<GuardedConnector>().ConnectAsync,
            })
            .RemoveAllLoggers(); // PageFetcher logs each outcome once

        client.AddResilienceHandler(FetchResiliencePipeline.Name, (builder, context) =>
            FetchResiliencePipeline.Configure(
                builder,
                context.ServiceProvider.GetRequiredService<IOptionsMonitor<FetchingOptions>>().CurrentValue,
                context.ServiceProvider.GetRequiredService<TimeProvider>()))
            .SelectPipelineByAuthority();

        // Added after the resilience handler, so it sits inside it and runs once per attempt.
        client.AddHttpMessageHandler<AttemptHandler>();

        // Retries are routine here and each outcome is logged once by PageFetcher: keep Polly's per-attempt events at
        // debug, and a dead site opening its circuit is a warning, not an error.
        services.Configure<TelemetryOptions>(o =>
        {
            var previous = o.SeverityProvider;
            o.SeverityProvider = args => args.Source.PipelineName?.StartsWith(FetchClient.HttpClientName, StringComparison.Ordinal) != true
                ? previous?.Invoke(args) ?? args.Event.Severity
                : args.Event.EventName switch
                {
                    "OnRetry" or "ExecutionAttempt" or "OnTimeout" => ResilienceEventSeverity.Debug,
                    "OnCircuitOpened" => ResilienceEventSeverity.Warning,
                    _ => previous?.Invoke(args) ?? args.Event.Severity,
                };
        });

        return services;
    }
}
