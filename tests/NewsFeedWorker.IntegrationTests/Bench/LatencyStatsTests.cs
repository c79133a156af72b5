using NewsFeedWorker.Benchmarks.Dedupe;

namespace NewsFeedWorker.IntegrationTests.Bench;

/// <summary>The percentiles the dedupe and URL benchmarks report are nearest-rank, over the samples as measured.</summary>
public sealed class LatencyStatsTests
{
    [Fact]
    public void Percentiles_of_one_to_a_hundred_are_nearest_rank()
    {
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList();

        var stats = LatencyStats.From(samples);

        Assert.Equal(100, stats.Count);
        Assert.Equal(50.5, stats.MeanMs);
        Assert.Equal(50, stats.P50Ms);
        Assert.Equal(90, stats.P90Ms);
        Assert.Equal(99, stats.P99Ms);
        Assert.Equal(100, stats.MaxMs);
    }

    [Fact]
    public void With_fewer_than_a_hundred_samples_p99_is_the_slowest()
    {
        var stats = LatencyStats.From([0.2, 0.1, 5.0, 0.3]);

        Assert.Equal(5.0, stats.P99Ms);
        Assert.Equal(0.2, stats.P50Ms);
    }

    [Fact]
    public void No_samples_is_an_error_not_a_zero()
    {
        Assert.Throws<ArgumentException>(() => LatencyStats.From([]));
    }
}
