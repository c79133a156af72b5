using NewsFeedWorker.Diagnostics;
using NewsFeedWorker.Publishing.Serving;
using NewsFeedWorker.SampleSite;

namespace NewsFeedWorker.Hosting;

/// <summary>Builds the one generic host: Quartz jobs, Kestrel (health, sample site, feeds) and Serilog.</summary>
public static class WorkerHost
{
    /// <param name="overrides">Configuration that wins over every other layer (the command line's options).</param>
    /// <param name="configure">Last word on the builder (tests swap services here).</param>
    public static WebApplication Build(IReadOnlyDictionary<string, string?> overrides, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddWorkerSources(builder.Environment.EnvironmentName, overrides);
        builder.WebHost.UseUrls(builder.Configuration["urls"] is { Length: > 0 } urls ? urls : WorkerConfiguration.DefaultUrls);
        builder.Host.UseSystemd();
        builder.Services.AddNewsFeedWorker(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        try
        {
            ValidateSettings(app.Services);
        }
        catch
        {
            ((IDisposable)app).Dispose();
            throw;
        }

        MapEndpoints(app);
        return app;
    }

    /// <summary>
    /// Reads the settings and the sources file before the host starts, so a bad value ends the process with one
    /// message (see RunCommand) instead of a "Hosting failed to start" stack trace.
    /// </summary>
    /// <exception cref="Sources.SourcesFileException">The sources file is missing or invalid.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A Worker setting is invalid.</exception>
    private static void ValidateSettings(IServiceProvider services)
    {
        // Every stage's ValidateOnStart options, checked now rather than inside StartAsync.
        services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        _ = services.GetRequiredService<Sources.SourceCatalog>();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapSampleSite();

        FeedRequestMetrics.UseFeedRequestMetrics(app);
        app.MapDiagnostics();

        // Until the feed index exists this says what runs; the feed endpoints' own "/" wins (lower order).
        app.MapGet("/", () => Results.Text(
            "NewsFeedWorker is running.\nHealth: /health\nMetrics: /metrics\nSample site: /sample/\n", "text/plain; charset=utf-8"))
            .WithOrder(int.MaxValue);
        app.MapFeedEndpoints();
    }
}
