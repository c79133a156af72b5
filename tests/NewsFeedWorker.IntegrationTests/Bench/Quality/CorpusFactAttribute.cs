using NewsFeedWorker.Benchmarks.Quality;

namespace NewsFeedWorker.IntegrationTests.Bench.Quality;

/// <summary>
/// A test over the development corpus: it runs where <c>shared/corpus/dev</c> lies above the repository (a developer's
/// machine, CI) and is reported as skipped, with the reason, in a clone that has nothing beside it.
/// </summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (DevelopmentSets.Find(AppContext.BaseDirectory) is null)
        {
            Skip = "no shared/corpus/dev above the repository: the quality gate runs only where the development corpus is";
        }
    }
}
