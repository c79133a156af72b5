using NewsFeedWorker.Benchmarks.Quality;
using Xunit.Abstractions;

namespace NewsFeedWorker.IntegrationTests.Bench.Quality;

/// <summary>The CI gate of extraction quality: every development set scores at least its floor in quality-floors.json.</summary>
public sealed class QualityGateTests(ITestOutputHelper output)
{
    [CorpusFact]
    public void Generic_mode_scores_at_least_the_floor_of_every_development_set()
    {
        var corpus = DevelopmentSets.Find(AppContext.BaseDirectory)!;
        var results = QualityRun.Score(corpus, DevelopmentSets.Names);
        using var report = new StringWriter();
        foreach (var result in results)
        {
            QualityReport.Write(result, worst: 5, report);
        }

        output.WriteLine(report.ToString());
        Assert.Equal(DevelopmentSets.Names.Length, results.Count);
        Assert.All(results, result => Assert.NotEmpty(result.Pages));
        var violations = QualityRun.Violations(results, QualityFloors.Read(QualityRun.DefaultFloorsFile));
        Assert.True(violations.Count == 0, "Extraction quality fell below its floor:\n" + string.Join("\n", violations));
    }
}
