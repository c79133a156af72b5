using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Tests.Storage;

public sealed class RecheckScheduleTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(48);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(59, 0)]
    [InlineData(60, 60)]
    [InlineData(12 * 60 - 1, 60)]
    [InlineData(12 * 60, 240)]
    [InlineData(47 * 60, 240)]
    public void The_interval_backs_off_with_the_age_of_the_article(int ageMinutes, int intervalMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(intervalMinutes), RecheckSchedule.IntervalFor(TimeSpan.FromMinutes(ageMinutes)));

    [Fact]
    public void An_article_in_its_first_hour_is_due_in_every_cycle() =>
        Assert.True(RecheckSchedule.IsDue(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1), Window));

    [Fact]
    public void A_few_hours_old_article_checked_half_an_hour_ago_waits_and_one_checked_55_minutes_ago_is_due()
    {
        Assert.False(RecheckSchedule.IsDue(TimeSpan.FromHours(3), TimeSpan.FromMinutes(30), Window));
        Assert.True(RecheckSchedule.IsDue(TimeSpan.FromHours(3), TimeSpan.FromMinutes(55), Window));
    }

    [Fact]
    public void A_day_old_article_is_checked_every_four_hours()
    {
        Assert.False(RecheckSchedule.IsDue(TimeSpan.FromHours(24), TimeSpan.FromHours(2), Window));
        Assert.True(RecheckSchedule.IsDue(TimeSpan.FromHours(24), TimeSpan.FromHours(4), Window));
    }

    [Fact]
    public void An_article_never_checked_is_due_until_the_window_ends_and_never_after()
    {
        Assert.True(RecheckSchedule.IsDue(TimeSpan.FromHours(47), null, Window));
        Assert.False(RecheckSchedule.IsDue(TimeSpan.FromHours(48), null, Window));
        Assert.False(RecheckSchedule.IsDue(TimeSpan.FromHours(60), TimeSpan.FromHours(10), Window));
    }
}
