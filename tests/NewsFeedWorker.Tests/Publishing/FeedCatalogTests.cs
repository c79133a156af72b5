using Microsoft.Extensions.DependencyInjection;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Publishing.Formats;
using NewsFeedWorker.Publishing.Serving;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.Tests.Publishing;

public sealed class FeedCatalogTests
{
    [Fact]
    public async Task Every_topic_has_a_feed_in_the_listing_the_opml_and_the_index_page()
    {
        await using var harness = new PublishingHarness(topics: FeedSeed.Topics);

        var feeds = await harness.Services.GetRequiredService<FeedCatalog>().ListAsync(CancellationToken.None);
        var opml = System.Text.Encoding.UTF8.GetString(OpmlWriter.Write(feeds, harness.Links, "Site"));
        var index = IndexPage.Render(feeds, harness.Sources, [], [], harness.Links, "Site");

        var topic = Assert.Single(feeds, f => f.Definition.Kind == FeedKind.Topic);
        Assert.Equal("topic/gov-event", topic.Definition.Path);
        Assert.Contains("https://feeds.example.org/feeds/topic/gov-event.rss", opml, StringComparison.Ordinal);
        Assert.Contains("https://feeds.example.org/feeds/topic/gov-event.atom", index, StringComparison.Ordinal);
    }
}
