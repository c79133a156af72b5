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

        var evaluator = new CorpusEvaluator(new GenericExtractor());
        var report = evaluator.Evaluate(readability);

        // Reported, never asserted: timings depend on the machine and its load.
        var speed = evaluator.MeasureSpeed(readability, rounds: 3);
        var rendered = string.Join(Environment.NewLine + Environment.NewLine, report.Summary(), speed.Summary(), report.Table());
        output.WriteLine(rendered);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "corpus-report.md"), rendered);
        var texts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "corpus-texts"));
        foreach (var result in report.Cases)
        {
            File.WriteAllText(Path.Combine(texts.FullName, result.Name + ".expected.txt"), result.ExpectedText);
            File.WriteAllText(Path.Combine(texts.FullName, result.Name + ".actual.txt"), result.ActualText);
        }

        Assert.True(report.Cases.Count >= 100, $"only {report.Cases.Count} corpus cases were read");
        Assert.True(report.MeanF1 >= 0.90, $"mean body-text F1 {report.MeanF1:0.000} is below 0.90");
        Assert.True(report.TitleExactRate >= 0.95, $"title exact match {report.TitleExactRate:P1} is below 95%");
    }
}
