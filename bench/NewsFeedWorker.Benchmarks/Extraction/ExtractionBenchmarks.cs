using System.Diagnostics.CodeAnalysis;
using System.Text;
using BenchmarkDotNet.Attributes;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Benchmarks.Extraction;

/// <summary>One realistic Korean article page (ndsoft CMS markup): AngleSharp parse alone vs configured and generic extraction.</summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes the pipeline.")]
public class ExtractionBenchmarks
{
    private static readonly DateTimeOffset FetchedAt = new(2025, 11, 8, 9, 0, 0, TimeSpan.FromHours(9));

    private ProductPipeline pipeline = null!;
    private byte[] page = [];

    [GlobalSetup]
    public void Setup()
    {
        page = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "ndsoft-article.html"));
        pipeline = new ProductPipeline();
    }

    [GlobalCleanup]
    public void Cleanup() => pipeline.Dispose();

    [Benchmark(Baseline = true, Description = "AngleSharp parse only")]
    public int Parse()
    {
        using var document = pipeline.HtmlParser.ParseDocument(Encoding.UTF8.GetString(page));
        return document.DocumentElement is null ? 0 : 1;
    }

    [Benchmark(Description = "PageParser, configured mode")]
    public PageParseResult ConfiguredExtract() =>
        pipeline.PageParser.Parse(page, Encoding.UTF8, NdsoftArticleSource.PageUrl, NdsoftArticleSource.Configured, FetchedAt);

    [Benchmark(Description = "PageParser, generic mode")]
    public PageParseResult GenericExtract() =>
        pipeline.PageParser.Parse(page, Encoding.UTF8, NdsoftArticleSource.PageUrl, NdsoftArticleSource.Generic, FetchedAt);

    [Benchmark(Description = "parse + GenericExtractor only")]
    public bool GenericExtractorOnly()
    {
        using var document = pipeline.HtmlParser.ParseDocument(Encoding.UTF8.GetString(page));
        return pipeline.GenericExtractor.Extract(document, NdsoftArticleSource.PageUrl).Content is not null;
    }
}
