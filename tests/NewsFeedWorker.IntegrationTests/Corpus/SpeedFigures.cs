using System.Globalization;

namespace NewsFeedWorker.IntegrationTests.Corpus;

/// <summary>Warm timings over the whole corpus: AngleSharp parse alone versus generic extraction on the parsed document.</summary>
/// <param name="MedianPage">Parse + extraction time of the median page (each page's fastest round).</param>
public sealed record SpeedFigures(int Pages, TimeSpan Parse, TimeSpan Extract, TimeSpan MedianPage)
{
    public double ExtractPagesPerSecond => Pages / Extract.TotalSeconds;

    public double ParseAndExtractPagesPerSecond => Pages / (Parse + Extract).TotalSeconds;

    public double ExtractToParseRatio => Extract / Parse;

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"""
        | Speed (warm, single thread, {Pages} page extractions) | Value |
        |---|---|
        | AngleSharp parse alone | {Pages / Parse.TotalSeconds:0} pages/s |
        | Generic extraction alone (on the parsed document) | {ExtractPagesPerSecond:0} pages/s |
        | Parse + extraction | {ParseAndExtractPagesPerSecond:0} pages/s |
        | Parse + extraction of the median page | {MedianPage.TotalMilliseconds:0.0} ms ({1 / MedianPage.TotalSeconds:0} pages/s) |
        | Extraction time / parse time | {ExtractToParseRatio:0.00}× |
        """);
}
