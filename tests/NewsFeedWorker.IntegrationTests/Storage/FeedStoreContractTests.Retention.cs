using NewsFeedWorker.Storage;

namespace NewsFeedWorker.IntegrationTests.Storage;

public abstract partial class FeedStoreContractTests
{
    [Fact]
    public async Task Pruning_keeps_the_newest_items_per_source_and_remembers_the_pruned_ones()
    {
        var store = NewStore(o => o.RetentionMaxItemsPerSource = 3);
        for (var i = 0; i < 5; i++)
        {
            await store.SaveArticleAsync("portal", Some.Article(url: $"https://p.kr/{i}"), Some.Start.AddMinutes(i), Ct);
        }

        await store.SaveArticleAsync("wire", Some.Article(url: "https://w.kr/0"), Some.Start, Ct);
        var version = await store.GetChangeVersionAsync(Ct);

        var result = await store.PruneAsync(Some.Start.AddHours(1), Ct);

        Assert.Equal(new PruneResult(2, 0, 0), result);
        Assert.True(await store.GetChangeVersionAsync(Ct) > version);
        Assert.Equal(["https://p.kr/4", "https://p.kr/3", "https://p.kr/2"], (await AllOf(store, "portal")).Select(a => a.Article.Url.AbsoluteUri).Order(StringComparer.Ordinal).Reverse());
        Assert.Single(await AllOf(store, "wire"));

        var again = await store.SaveArticleAsync("portal", Some.Article(url: "https://p.kr/0?utm_source=rss"), Some.Start.AddHours(2), Ct);
        Assert.Equal(ArticleSaveOutcome.Forgotten, again.Outcome);
        Assert.False(await store.ShouldFetchArticleAsync("portal", new Uri("https://p.kr/1"), Some.Start.AddHours(2), TimeSpan.FromDays(30), Ct));
        Assert.Equal(3, (await AllOf(store, "portal")).Count);
    }

    [Fact]
    public async Task Pruning_removes_articles_past_the_maximum_age_and_tombstones_expire_after_their_lifetime()
    {
        var store = NewStore(o =>
        {
            o.RetentionMaxAge = TimeSpan.FromDays(30);
            o.TombstoneLifetime = TimeSpan.FromDays(100);
        });
        await store.SaveArticleAsync("portal", Some.Article(url: "https://p.kr/old"), Some.Start, Ct);
        await store.SaveArticleAsync("portal", Some.Article(url: "https://p.kr/recent"), Some.Start.AddDays(20), Ct);
        await store.SaveWeatherAsync("portal", Some.Weather(new DateOnly(2026, 11, 8), 1m), Some.Start, Ct);

        var first = await store.PruneAsync(Some.Start.AddDays(31), Ct);
        Assert.Equal(new PruneResult(1, 0, 1), first);
        Assert.Equal("https://p.kr/recent", Assert.Single(await AllOf(store, "portal")).Article.Url.AbsoluteUri);
        Assert.Equal(ArticleSaveOutcome.Forgotten, (await store.SaveArticleAsync("portal", Some.Article(url: "https://p.kr/old"), Some.Start.AddDays(40), Ct)).Outcome);

        var second = await store.PruneAsync(Some.Start.AddDays(31 + 101), Ct);
        Assert.Equal(1, second.TombstonesExpired);
        Assert.Equal(ArticleSaveOutcome.New, (await store.SaveArticleAsync("portal", Some.Article(url: "https://p.kr/old"), Some.Start.AddDays(133), Ct)).Outcome);
    }

    [Fact]
    public async Task A_copy_whose_first_copy_was_pruned_shows_in_the_combined_feed_again()
    {
        var store = NewStore(o => o.RetentionMaxItemsPerSource = 1);
        await store.SaveArticleAsync("portal", Some.ReleaseOnPortalNews(), Some.Start, Ct);
        var copy = await store.SaveArticleAsync("wire", Some.ReleaseOnNewsWire(), Some.Start.AddMinutes(1), Ct);
        await store.SaveArticleAsync("portal", Some.Article(url: "https://p.kr/newer"), Some.Start.AddMinutes(2), Ct);
        Assert.NotNull(copy.NearDuplicateOf);

        await store.PruneAsync(Some.Start.AddHours(1), Ct);

        var combined = await store.GetArticlesAsync(new ArticleQuery { CollapseNearDuplicates = true }, Ct);
        Assert.Contains(combined, a => a.Id == copy.Id && a.NearDuplicateOf is null);
    }
}
