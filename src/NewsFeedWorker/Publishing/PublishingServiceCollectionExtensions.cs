using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsFeedWorker.Publishing;

/// <summary>Registers the publishing stage's settings, feed model and builders (serving is <c>AddFeedServing</c>).</summary>
/// <remarks>
/// Needs a <see cref="CurrentSources"/> delegate and an <see cref="Storage.IFeedStore"/> from the sources and storage stages.
/// </remarks>
public static class PublishingServiceCollectionExtensions
{
    /// <summary>Configuration key of the worker's data folder; the export folder is relative to it.</summary>
    public const string DataDirectoryKey = "Worker:DataDirectory";

    public static IServiceCollection AddPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        var dataDirectory = configuration[DataDirectoryKey] is { Length: > 0 } configured ? configured : "data";
        services.AddOptions<PublishingOptions>()
            .Bind(configuration.GetSection(PublishingOptions.SectionName))
            .PostConfigure(o => o.ExportDirectory = Path.GetFullPath(Path.Combine(dataDirectory, o.ExportDirectory)))
            .ValidateDataAnnotations()
            .Validate(o => o.DefaultItemCount <= o.MaxItemCount, "Publishing:DefaultItemCount must not exceed Publishing:MaxItemCount.")
            .Validate(o => o.PublicBaseUrl is null || IsHttp(o.PublicBaseUrl), "Publishing:PublicBaseUrl must be an absolute http(s) URL.")
            .Validate(o => IsHttp(o.ExportFallbackBaseUrl), "Publishing:ExportFallbackBaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.WebSubHubUrl is null || IsHttp(o.WebSubHubUrl), "Publishing:WebSubHubUrl must be an absolute http(s) URL.")
            .Validate(o => o.WebSubHubUrl is null || o.PublicBaseUrl is not null, "Publishing:PublicBaseUrl is required when Publishing:WebSubHubUrl is set (the hub must be told the public feed URLs).")
            .Validate(o => o.VersionCheckInterval >= TimeSpan.Zero, "Publishing:VersionCheckInterval must not be negative.")
            .Validate(o => o.MinPublishInterval >= TimeSpan.Zero && o.MinPublishInterval <= TimeSpan.FromHours(1), "Publishing:MinPublishInterval must be between 00:00:00 and 01:00:00.")
            .ValidateOnStart();

        // The sources stage's topics when the host registered them (AddNewsFeedWorker does), else none.
        services.TryAddSingleton<CurrentTopics>(() => []);
        services.AddSingleton<ContentSanitizer>();
        services.AddSingleton<FeedItemFactory>();
        services.AddSingleton<FeedDocumentBuilder>();
        services.AddSingleton<FeedCatalog>();
        return services;
    }

    private static bool IsHttp(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
