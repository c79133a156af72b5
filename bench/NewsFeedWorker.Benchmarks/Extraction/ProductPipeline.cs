using AngleSharp.Html.Parser;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Generic;
using NewsFeedWorker.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NewsFeedWorker.Benchmarks.Extraction;

/// <summary>The product's parse stage as the worker composes it (through <c>AddParsing</c>), so benchmarks follow its constructor.</summary>
internal sealed class ProductPipeline : IDisposable
{
    private readonly ServiceProvider services;

    public ProductPipeline()
    {
        var configuration = new ConfigurationBuilder().Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IConfiguration>(configuration)
            .AddParsing(configuration)
            .BuildServiceProvider();
        PageParser = ActivatorUtilities.GetServiceOrCreateInstance<PageParser>(services);
        GenericExtractor = ActivatorUtilities.GetServiceOrCreateInstance<GenericExtractor>(services);
    }

    public PageParser PageParser { get; }

    public GenericExtractor GenericExtractor { get; }

    /// <summary>A parser with AngleSharp's defaults: the parse-only baseline.</summary>
    public HtmlParser HtmlParser { get; } = new();

    /// <summary>A source with no selectors: the parse stage falls back to generic mode.</summary>
    public static SourceDefinition GenericSource(Uri pageUrl) => new()
    {
        Id = "bench-generic",
        Name = "Benchmark (generic mode)",
        Schedule = "0 0 * * * ?",
        StartUrls = [pageUrl],
    };

    public void Dispose() => services.Dispose();
}
