using NewsFeedWorker.Parsing.Generic;

namespace NewsFeedWorker.Parsing;

/// <summary>Registers the parsing stage.</summary>
public static class ParsingServiceCollectionExtensions
{
    public static IServiceCollection AddParsing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ParsingOptions>()
            .Bind(configuration.GetSection(ParsingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Both are pure and thread-safe, so one instance serves every job.
        services.AddSingleton<GenericExtractor>();
        services.AddSingleton<PageParser>();
        return services;
    }
}
