using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>Registers how feeds reach readers: the rendered-feed caches, the HTTP face, the static export and hub pings.</summary>
/// <remarks>Needs the feed model and builders from <see cref="PublishingServiceCollectionExtensions.AddPublishing"/>.</remarks>
public static class ServingServiceCollectionExtensions
{
    public static IServiceCollection AddFeedServing(this IServiceCollection services)
    {
        services.AddSingleton<ChangeVersionGate>();
        services.AddSingleton<FeedCache>();
        services.AddSingleton<FeedFreshness>();
        services.AddSingleton<FeedRequestHandler>();
        // Its meter needs a meter factory; the web host has one, a bare service collection (tests, CLI) gets one here.
        services.AddMetrics();
        services.AddSingleton<FeedRequestMetrics>();
        services.AddSingleton<StaticExport>();
        services.AddSingleton<FeedPublisher>();
        services.AddSingleton<WebSubNotifier>();
        services.AddHttpClient(WebSubNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));

        services.AddResponseCompression(o =>
        {
            // Feeds are public: no secrets for BREACH-style attacks to recover.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, .. FeedFormats.MediaTypes];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddTransient<IStartupFilter, ResponseCompressionStartupFilter>();
        return services;
    }
}
