using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace NewsFeedWorker.Diagnostics;

/// <summary>
/// <c>/health</c> (everything: storage, scheduler, sources file, each source's runs), <c>/health/live</c> (the process
/// answers), <c>/health/ready</c> (storage reachable, scheduler running) and <c>/metrics</c> (Prometheus text).
/// </summary>
public static class DiagnosticsEndpoints
{
    public static WebApplication MapDiagnostics(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(DiagnosticsServiceCollectionExtensions.ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        if (app.Services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.MetricsEnabled)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        return app;
    }
}
