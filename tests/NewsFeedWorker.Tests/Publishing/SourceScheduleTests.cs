using NewsFeedWorker.Publishing;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.Tests.Publishing;

public sealed class SourceScheduleTests
{
    [Theory]
    [InlineData("0 */15 * * * ?", 15)]
    [InlineData("0 0 * * * ?", 60)]
    [InlineData("0 0/10 6-22 * * ?", 10)]
    [InlineData("not a cron", 15)]
    public void Interval_is_the_shortest_gap_between_runs(string cron, int minutes)
        => Assert.Equal(TimeSpan.FromMinutes(minutes), SourceSchedule.Interval(FeedSeed.Sources[0] with { Schedule = cron }));

    [Fact]
    public void Next_run_is_read_in_the_sources_time_zone()
    {
        var source = FeedSeed.Sources[0] with { Schedule = "0 0 6 * * ?", TimeZone = "Asia/Seoul" };

        var next = SourceSchedule.NextRun(source, new DateTimeOffset(2025, 11, 8, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2025, 11, 8, 21, 0, 0, TimeSpan.Zero), next);
    }
}
