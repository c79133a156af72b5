using Microsoft.Extensions.Logging;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.IntegrationTests.Storage;

public abstract partial class FeedStoreContractTests
{
    [Fact]
    public async Task A_press_release_republished_by_another_outlet_is_linked_to_its_first_copy()
    {
        var store = NewStore();
        var first = await store.SaveArticleAsync("portal", Some.ReleaseOnPortalNews(), Some.Start, Ct);
        var second = await store.SaveArticleAsync("wire", Some.ReleaseOnNewsWire(), Some.Start.AddMinutes(40), Ct);

        Assert.Null(first.NearDuplicateOf);
        Assert.Equal(first.Id, second.NearDuplicateOf);
        var copy = Assert.Single(await AllOf(store, "wire"));
        Assert.Equal(first.Id, copy.NearDuplicateOf);
        Assert.InRange(copy.NearDuplicateDistance!.Value, 0, 3);

        var decision = Assert.Single(Logs.GetSnapshot(), r => r.Message.StartsWith("Near-duplicate:", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, decision.Level);
        Assert.Contains(first.Id, decision.Message, StringComparison.Ordinal);
        Assert.Contains("wire", decision.Message, StringComparison.Ordinal);
        Assert.Contains($"differ in {copy.NearDuplicateDistance} of 64 bits", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_combined_feed_shows_a_release_once_with_the_copies_as_related_links_while_each_source_keeps_its_copy()
    {
        var store = NewStore();
        await store.SaveArticleAsync("portal", Some.ReleaseOnPortalNews(), Some.Start, Ct);
        await store.SaveArticleAsync("wire", Some.ReleaseOnNewsWire(), Some.Start.AddMinutes(40), Ct);
        await store.SaveArticleAsync("portal", Some.Article(url: "https://www.portalnews.example.kr/news/articleView.html?idxno=130412"), Some.Start.AddMinutes(50), Ct);

        var combined = await store.GetArticlesAsync(new ArticleQuery { CollapseNearDuplicates = true }, Ct);

        Assert.Equal(2, combined.Count);
        var release = Assert.Single(combined, a => a.SourceId == "portal" && a.Article.Url.Query.Contains("130411", StringComparison.Ordinal));
        Assert.Equal([new Uri("https://www.newswire.example.com/news/20261108000231")], release.RelatedLinks);
        Assert.Single(await AllOf(store, "wire"));
        Assert.Equal(2, (await AllOf(store, "portal")).Count);
        Assert.Equal(3, (await store.GetArticlesAsync(new ArticleQuery(), Ct)).Count);
    }

    [Fact]
    public async Task Different_articles_that_share_a_long_footer_are_not_linked()
    {
        var store = NewStore();
        await store.SaveArticleAsync("portal", Some.FarmingNewsWithFooter("https://portal.example.kr/1"), Some.Start, Ct);
        var other = await store.SaveArticleAsync("portal-gwangju", Some.TransitNewsWithFooter("https://gwangju.portal.example.kr/2"), Some.Start.AddMinutes(5), Ct);

        Assert.Null(other.NearDuplicateOf);
        Assert.Equal(2, (await store.GetArticlesAsync(new ArticleQuery { CollapseNearDuplicates = true }, Ct)).Count);
    }

    [Fact]
    public async Task Copies_outside_the_window_are_not_linked()
    {
        var store = NewStore(o => o.NearDuplicateWindow = TimeSpan.FromDays(1));
        await store.SaveArticleAsync("portal", Some.ReleaseOnPortalNews(), Some.Start, Ct);
        var late = await store.SaveArticleAsync("wire", Some.ReleaseOnNewsWire(), Some.Start.AddDays(2), Ct);

        Assert.Null(late.NearDuplicateOf);
    }

    [Fact]
    public async Task A_second_copy_in_the_same_source_is_not_linked_across_itself()
    {
        var store = NewStore();
        await store.SaveArticleAsync("portal", Some.ReleaseOnPortalNews(), Some.Start, Ct);
        var again = await store.SaveArticleAsync("portal", Some.ReleaseOnNewsWire(), Some.Start.AddMinutes(1), Ct);

        Assert.Equal(ArticleSaveOutcome.New, again.Outcome);
        Assert.Null(again.NearDuplicateOf);
    }
}
