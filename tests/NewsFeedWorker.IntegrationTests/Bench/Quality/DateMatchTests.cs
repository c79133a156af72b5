using NewsFeedWorker.Benchmarks.Quality;

namespace NewsFeedWorker.IntegrationTests.Bench.Quality;

public sealed class DateMatchTests
{
    [Theory]
    [InlineData("2020-06-07T15:06:00+00:00", "2020-06-07")]
    [InlineData("2020-06-07", "2020-06-07")]
    [InlineData("2020-06-07 23:30", "2020-06-07")]
    // Both carry an offset: ours is moved to the truth's, 00:06 in Seoul is 15:06 the day before in UTC.
    [InlineData("2020-06-08T00:06:00+09:00", "2020-06-07 15:06:00+00:00")]
    [InlineData("2025-06-05T14:46:12+02:00", "2025-06-05 14:46:12+02:00")]
    public void Dates_on_the_truths_day_are_right(string answer, string truth)
    {
        Assert.True(DateMatch.SameDay(answer, truth));
    }

    [Theory]
    // The truth has no offset: the date as written counts, and 00:06 in Seoul is written on the 8th.
    [InlineData("2020-06-08T00:06:00+09:00", "2020-06-07")]
    [InlineData("2020-06-06", "2020-06-07")]
    [InlineData(null, "2020-06-07")]
    [InlineData("not a date", "2020-06-07")]
    public void Other_days_and_missing_dates_are_wrong(string? answer, string truth)
    {
        Assert.False(DateMatch.SameDay(answer, truth));
    }
}
