using NewsFeedWorker.Benchmarks.Extraction;

namespace NewsFeedWorker.IntegrationTests.Bench;

/// <summary>Runs each BenchmarkDotNet extraction benchmark once, so a timing of a failed or empty extraction is caught.</summary>
public sealed class ExtractionBenchmarksSmokeTests : IDisposable
{
    private const string Title = "행정안전부, '제8회 전자정부의 날' 기념행사 개최, AI시대 공공AX 본격화 논의";

    private readonly ExtractionBenchmarks benchmarks = new();

    public ExtractionBenchmarksSmokeTests() => benchmarks.Setup();

    [Fact]
    public void Parse_only_builds_a_document_from_the_fixture() => Assert.Equal(1, benchmarks.Parse());

    [Fact]
    public void Configured_extraction_of_the_fixture_yields_its_article_and_all_sixteen_weather_readings()
    {
        var result = benchmarks.ConfiguredExtract();

        Assert.NotNull(result.Article);
        Assert.Equal(Title, result.Article.Title);
        Assert.Contains("(포탈뉴스통신)", result.Article.BodyText, StringComparison.Ordinal);
        var weather = Assert.Single(result.Weather);
        Assert.Equal(16, weather.Readings.Count);
    }

    [Fact]
    public void Generic_extraction_of_the_fixture_finds_the_article_body()
    {
        var result = benchmarks.GenericExtract();

        Assert.NotNull(result.Article);
        Assert.Contains("(포탈뉴스통신)", result.Article.BodyText, StringComparison.Ordinal);
        Assert.True(benchmarks.GenericExtractorOnly());
    }

    public void Dispose() => benchmarks.Cleanup();
}
