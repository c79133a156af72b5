namespace NewsFeedWorker.Parsing;

/// <summary>Registers the parsing stage.</summary>
public static class ParsingServiceCollectionExtensions
{
    public static IServiceCollection AddParsing(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
