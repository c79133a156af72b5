using NewsFeedWorker.Parsing.Dates;

namespace NewsFeedWorker.Tests.Parsing.Dates;

public sealed class YearlessDateTests
{
    private static readonly TimeZoneInfo Seoul = KoreanDateParser.FindZone("Asia/Seoul");

    [Theory]
    [InlineData("11.08 (토)", "2025-11-08")]
    [InlineData("11/8(토)", "2025-11-08")]
    [InlineData("11월 8일 토요일", "2025-11-08")]
    [InlineData("11월 8일 (토)", "2025-11-08")]
    [InlineData("11.09 (일)", "2025-11-09")]
    [InlineData("11.10 (월)", "2024-11-10")]
    [InlineData("12.31 (수)", "2024-12-31")]
    public void A_header_date_without_a_year_takes_the_nearest_year_not_after_the_fetch_and_a_day(string text, string expected)
    {
        var fetchedAt = new DateTimeOffset(2025, 11, 8, 9, 30, 0, TimeSpan.FromHours(9));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), YearlessDate.Parse(text, Seoul, fetchedAt));
    }

    [Fact]
    public void On_new_year_morning_the_last_day_of_december_is_last_year()
    {
        // 00:30 in Seoul is still 31 December in UTC: the page's own zone decides which day "today" is.
        var fetchedAt = new DateTimeOffset(2025, 12, 31, 15, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2025, 12, 31), YearlessDate.Parse("12.31 (수)", Seoul, fetchedAt));
        Assert.Equal(new DateOnly(2026, 1, 1), YearlessDate.Parse("01.01 (목)", Seoul, fetchedAt));
        Assert.Equal(new DateOnly(2025, 1, 3), YearlessDate.Parse("01.03 (토)", Seoul, fetchedAt));
    }

    [Fact]
    public void The_twenty_ninth_of_february_goes_back_to_the_last_leap_year()
        => Assert.Equal(new DateOnly(2024, 2, 29), YearlessDate.Parse("02.29 (목)", Seoul, new DateTimeOffset(2025, 11, 8, 0, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("11.08")]
    [InlineData("3.12 버전 출시 (토)")]
    [InlineData("13.08 (토)")]
    [InlineData("11.32 (토)")]
    [InlineData("2025.11.08 (토)")]
    public void Text_that_is_not_a_whole_month_day_and_weekday_gives_no_date(string text)
        => Assert.Null(YearlessDate.Parse(text, Seoul, new DateTimeOffset(2025, 11, 8, 0, 0, 0, TimeSpan.Zero)));
}
