using Microsoft.Extensions.DependencyInjection;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.Tests.Publishing;

public sealed class FeedDocumentBuilderTests
{
    private static async Task<IReadOnlyList<string>> TitlesAsync(PublishingHarness harness, FeedDefinition feed, int limit = 50)
    {
        var document = await harness.Services.GetRequiredService<FeedDocumentBuilder>().BuildAsync(feed, limit, CancellationToken.None);
        return [.. document!.Items.Select(i => i.Title)];
    }

    private static IReadOnlyList<SourceDefinition> PortalExcluding(params string[] any) =>
        [FeedSeed.Sources[0] with { Exclude = new MatchConditions { Any = any } }, FeedSeed.Sources[1]];

    [Fact]
    public async Task A_source_exclude_rule_drops_matching_items_from_its_own_combined_and_category_feeds_but_not_from_the_store()
    {
        await using var harness = new PublishingHarness(sources: PortalExcluding("전자정부의 날"));
        var mois = FeedSeed.Mois().Article.Title;

        Assert.DoesNotContain(mois, await TitlesAsync(harness, FeedDefinition.ForSource(FeedSeed.PortalId)));
        Assert.DoesNotContain(mois, await TitlesAsync(harness, FeedDefinition.All));
        Assert.DoesNotContain(mois, await TitlesAsync(harness, FeedDefinition.ForCategory(CategorySlug.From(FeedSeed.Mois().Article.Category!))));
        Assert.Contains(FeedSeed.Politics().Article.Title, await TitlesAsync(harness, FeedDefinition.ForSource(FeedSeed.PortalId)));
        var stored = await harness.Store.GetArticlesAsync(new ArticleQuery { SourceId = FeedSeed.PortalId }, CancellationToken.None);
        Assert.Contains(stored, a => a.Article.Title == mois);
    }

    [Fact]
    public async Task A_feed_with_excluded_items_still_fills_its_limit_from_older_articles()
    {
        await using var harness = new PublishingHarness(sources: PortalExcluding("전자정부의 날"));
        await using var plain = new PublishingHarness();
        var unfiltered = await TitlesAsync(plain, FeedDefinition.ForSource(FeedSeed.PortalId));

        var titles = await TitlesAsync(harness, FeedDefinition.ForSource(FeedSeed.PortalId), limit: 2);

        Assert.Equal(unfiltered.Where(t => t != FeedSeed.Mois().Article.Title).Take(2), titles);
    }
}
