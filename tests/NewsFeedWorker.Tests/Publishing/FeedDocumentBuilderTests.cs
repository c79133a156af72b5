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

    [Fact]
    public async Task A_topic_feed_lists_a_story_two_sources_published_once_with_a_link_to_the_other_copy()
    {
        await using var harness = new PublishingHarness(topics: FeedSeed.Topics);

        var document = await harness.Services.GetRequiredService<FeedDocumentBuilder>()
            .BuildAsync(FeedDefinition.ForTopic("gov-event"), 50, CancellationToken.None);

        var item = Assert.Single(document!.Items);
        Assert.Equal(FeedSeed.Mois().Article.Title, item.Title);
        Assert.Contains(FeedSeed.Copy().Article.Url, item.RelatedLinks);
        Assert.EndsWith(" — 전자정부의 날", document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_topic_feed_lists_matching_articles_newest_first_and_nothing_else()
    {
        var topic = new TopicDefinition { Id = "regions", Name = "지역", Any = ["국회", "경기도"], Fields = ["title"] };
        await using var harness = new PublishingHarness(topics: [topic]);

        var titles = await TitlesAsync(harness, FeedDefinition.ForTopic("regions"));

        var expected = new[] { FeedSeed.Politics(), FeedSeed.Society() }
            .OrderByDescending(a => a.Article.Published ?? a.FirstSeen).Select(a => a.Article.Title);
        Assert.Equal(expected, titles);
    }

    [Fact]
    public async Task A_topic_that_is_not_configured_has_no_feed()
    {
        await using var harness = new PublishingHarness(topics: FeedSeed.Topics);

        Assert.Null(await harness.Services.GetRequiredService<FeedDocumentBuilder>().BuildAsync(FeedDefinition.ForTopic("nope"), 50, CancellationToken.None));
    }

    [Fact]
    public async Task An_ad_hoc_query_feed_holds_stories_with_every_keyword()
    {
        await using var harness = new PublishingHarness();

        var titles = await TitlesAsync(harness, FeedDefinition.AllMatching("전자정부의 기념행사"));

        Assert.Equal([FeedSeed.Mois().Article.Title], titles);
        Assert.Empty(await TitlesAsync(harness, FeedDefinition.AllMatching("전자정부의 한파")));
    }
}
