using Microsoft.Extensions.Time.Testing;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Publishing.Serving;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.Tests.Publishing.Serving;

public sealed class FeedFreshnessTests
{
    private static readonly DateTimeOffset Start = new(2025, 11, 8, 3, 5, 0, TimeSpan.Zero);

    [Fact]
    public void Max_age_lasts_until_a_minute_after_the_next_run_and_moves_on_once_it_passes()
    {
        var time = new FakeTimeProvider(Start);
        var freshness = new FeedFreshness(() => FeedSeed.Sources, time);
        var portal = FeedSeed.Sources[0].Id; // every 15 minutes

        var before = freshness.MaxAge(portal);
        time.Advance(TimeSpan.FromSeconds(9 * 60 + 30)); // 03:14:30, half a minute before the run
        var justBefore = freshness.MaxAge(portal);
        time.Advance(TimeSpan.FromMinutes(1)); // 03:15:30, the run has passed: next at 03:30
        var after = freshness.MaxAge(portal);

        Assert.Equal(TimeSpan.FromMinutes(11), before);
        Assert.Equal(TimeSpan.FromSeconds(90), justBefore);
        Assert.Equal(TimeSpan.FromMinutes(15), after); // 15.5 minutes, capped at the 15-minute schedule
        Assert.Equal("public, max-age=900", freshness.CacheControl(portal));
    }

    [Fact]
    public void Max_age_follows_a_schedule_change_after_a_sources_reload()
    {
        var time = new FakeTimeProvider(Start);
        var current = FeedSeed.Sources;
        var freshness = new FeedFreshness(() => current, time);
        var portal = FeedSeed.Sources[0].Id;
        var before = freshness.CacheControl(portal);

        // A reload hands out a new list: hourly now, so the next run is 04:00.
        current = [FeedSeed.Sources[0] with { Schedule = "0 0 * * * ?" }, FeedSeed.Sources[1]];
        var after = freshness.CacheControl(portal);

        Assert.Equal("public, max-age=660", before);
        Assert.Equal("public, max-age=3360", after);
    }

    [Fact]
    public void A_disabled_or_unknown_source_gets_the_fallback_and_the_all_feed_the_soonest_run()
    {
        var time = new FakeTimeProvider(Start);
        IReadOnlyList<SourceDefinition> sources = [FeedSeed.Sources[0] with { Enabled = false }, FeedSeed.Sources[1]];
        var freshness = new FeedFreshness(() => sources, time);

        Assert.Equal(SourceSchedule.Fallback, freshness.MaxAge(FeedSeed.Sources[0].Id));
        Assert.Equal(SourceSchedule.Fallback, freshness.MaxAge("no-such-source"));
        // Only the hourly source is in force: 04:00 + 1 minute grace.
        Assert.Equal(TimeSpan.FromMinutes(56), freshness.MaxAge(null));
    }

    [Theory]
    [InlineData("0 */15 * * * ?", "UTC")]
    [InlineData("0 0/10 6-22 * * ?", "Asia/Seoul")]
    [InlineData("0 30 7,19 * * ?", "Asia/Seoul")]
    public void Cached_max_age_equals_the_schedule_read_afresh_at_every_instant(string cron, string zone)
    {
        var time = new FakeTimeProvider(Start);
        IReadOnlyList<SourceDefinition> sources = [FeedSeed.Sources[0] with { Schedule = cron, TimeZone = zone }];
        var freshness = new FeedFreshness(() => sources, time);
        var ttl = SourceSchedule.Interval(sources[0]);

        for (var step = 0; step < 400; step++)
        {
            var now = time.GetUtcNow();
            var fresh = (SourceSchedule.NextRun(sources[0], now) ?? now + ttl) - now + TimeSpan.FromMinutes(1);
            var expected = fresh < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : fresh > ttl ? ttl : fresh;

            Assert.Equal(expected, freshness.MaxAge(sources[0].Id));
            time.Advance(TimeSpan.FromSeconds(97.3));
        }
    }
}
