namespace NewsFeedWorker.IntegrationTests.Storage;

public abstract partial class FeedStoreContractTests
{
    [Fact]
    public async Task A_source_s_change_version_moves_with_its_own_writes_only()
    {
        var store = NewStore();
        Assert.Empty(await store.GetSourceChangeVersionsAsync(Ct));

        await store.SaveArticleAsync("portal", Some.Article(url: "https://news.example.kr/a/1", title: "첫 기사", body: "첫 본문"), Some.Start, Ct);
        await store.SaveArticleAsync("region", Some.Article(url: "https://region.example.kr/a/1", title: "지역 기사", body: "지역 본문"), Some.Start, Ct);
        var afterBoth = await store.GetSourceChangeVersionsAsync(Ct);
        Assert.Equal(await store.GetChangeVersionAsync(Ct), afterBoth["region"]);
        Assert.True(afterBoth["portal"] < afterBoth["region"]);

        // Saved again unchanged: nothing moves. Edited: only its own source moves, to the new change version.
        await store.SaveArticleAsync("portal", Some.Article(url: "https://news.example.kr/a/1", title: "첫 기사", body: "첫 본문"), Some.Start.AddMinutes(5), Ct);
        Assert.Equal(afterBoth, await store.GetSourceChangeVersionsAsync(Ct));
        await store.SaveArticleAsync("portal", Some.Article(url: "https://news.example.kr/a/1", title: "첫 기사 (수정)", body: "첫 본문"), Some.Start.AddMinutes(9), Ct);
        var afterEdit = await store.GetSourceChangeVersionsAsync(Ct);
        Assert.Equal(await store.GetChangeVersionAsync(Ct), afterEdit["portal"]);
        Assert.Equal(afterBoth["region"], afterEdit["region"]);

        // A second store on the same database (another node) sees the same numbers.
        Assert.Equal(afterEdit, await NewStore().GetSourceChangeVersionsAsync(Ct));
    }

    [Fact]
    public async Task A_near_duplicate_copy_moves_the_version_of_the_source_it_copies()
    {
        var store = NewStore();
        await store.SaveArticleAsync("portal", Some.ReleaseOnPortalNews(), Some.Start, Ct);
        await store.SaveArticleAsync("other", Some.Article(url: "https://other.example.kr/a/1", title: "다른 기사", body: "다른 본문"), Some.Start, Ct);
        var before = await store.GetSourceChangeVersionsAsync(Ct);

        var copy = await store.SaveArticleAsync("wire", Some.ReleaseOnNewsWire(), Some.Start.AddMinutes(40), Ct);

        Assert.NotNull(copy.NearDuplicateOf);
        var after = await store.GetSourceChangeVersionsAsync(Ct);
        var version = await store.GetChangeVersionAsync(Ct);
        Assert.Equal(version, after["wire"]);
        Assert.Equal(version, after["portal"]); // its release now lists the copy among its related links
        Assert.Equal(before["other"], after["other"]);
    }

    [Fact]
    public async Task A_new_weather_snapshot_moves_its_source_s_version()
    {
        var store = NewStore();
        await store.SaveArticleAsync("portal", Some.Article(url: "https://news.example.kr/a/1"), Some.Start, Ct);
        var before = await store.GetSourceChangeVersionsAsync(Ct);

        Assert.True(await store.SaveWeatherAsync("weatherly", Some.Weather(new DateOnly(2026, 11, 8), 16.4m), Some.Start, Ct));

        var after = await store.GetSourceChangeVersionsAsync(Ct);
        Assert.Equal(await store.GetChangeVersionAsync(Ct), after["weatherly"]);
        Assert.Equal(before["portal"], after["portal"]);
    }

    [Fact]
    public async Task A_prune_that_removed_something_moves_every_source_s_version()
    {
        var store = NewStore(o => o.RetentionMaxItemsPerSource = 1);
        await store.SaveArticleAsync("portal", Some.Article(url: "https://p.kr/0"), Some.Start, Ct);
        await store.SaveArticleAsync("portal", Some.Article(url: "https://p.kr/1"), Some.Start.AddMinutes(1), Ct);
        await store.SaveArticleAsync("wire", Some.Article(url: "https://w.kr/0"), Some.Start, Ct);

        var result = await store.PruneAsync(Some.Start.AddHours(1), Ct);

        Assert.Equal(1, result.ArticlesPruned);
        var version = await store.GetChangeVersionAsync(Ct);
        Assert.All(await store.GetSourceChangeVersionsAsync(Ct), v => Assert.Equal(version, v.Value));
    }
}
