using NewsFeedWorker.Parsing.Generic;
using Xunit.Abstractions;

namespace NewsFeedWorker.IntegrationTests.Corpus;

/// <summary>Generic mode measured on the development corpus of real pages (see docs/extraction-quality.md).</summary>
public sealed class GenericCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Generic_mode_meets_the_quality_targets_on_the_dev_corpus()
    {
        var corpus = CorpusEvaluator.FindCorpus(AppContext.BaseDirectory);
        Assert.True(corpus is not null,
            $"The development corpus was not found: no 'shared/corpus/dev' directory in {AppContext.BaseDirectory} or any directory above it. "
            + "It is expected next to the repository (../shared/corpus/dev relative to the repo root).");
        var readability = Path.Combine(corpus, "readability");
        Assert.True(Directory.Exists(readability), $"'{readability}' is missing from the corpus.");

        var report = new CorpusEvaluator(new GenericExtractor()).Evaluate(readability);
        var rendered = report.Summary() + Environment.NewLine + Environment.NewLine + report.Table();
        output.WriteLine(rendered);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "corpus-report.md"), rendered);

        Assert.True(report.Cases.Count >= 100, $"only {report.Cases.Count} corpus cases were read");
        Assert.True(report.MeanF1 >= 0.90, $"mean body-text F1 {report.MeanF1:0.000} is below 0.90");
        Assert.True(report.TitleExactRate >= 0.95, $"title exact match {report.TitleExactRate:P1} is below 95%");
    }
}
