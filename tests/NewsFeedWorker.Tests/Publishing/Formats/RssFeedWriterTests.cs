using System.Xml.Linq;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Publishing.Formats;
using NewsFeedWorker.Storage;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.Tests.Publishing.Formats;

public sealed class RssFeedWriterTests
{
    private static readonly XNamespace Atom = FeedNamespaces.Atom;
    private static readonly XNamespace Dc = FeedNamespaces.DublinCore;
    private static readonly XNamespace Content = FeedNamespaces.Content;
    private static readonly XNamespace Media = FeedNamespaces.Media;

    [Fact]
    public async Task Rss_items_carry_guid_dates_creator_content_and_enclosure()
    {
        using var harness = new PublishingHarness();
        var rss = XDocument.Parse(System.Text.Encoding.UTF8.GetString((await harness.GetAsync(FeedDefinition.ForSource(FeedSeed.PortalId), FeedFormat.Rss))!.Content));

        var channel = rss.Root!.Element("channel")!;
        Assert.Equal("ko", channel.Element("language")!.Value);
        Assert.Equal("Sat, 08 Nov 2025 10:12:00 +0900", channel.Element("lastBuildDate")!.Value);
        Assert.Equal("15", channel.Element("ttl")!.Value);
        Assert.Equal("https://feeds.example.org/feeds/portalnews.rss", channel.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var item = channel.Elements("item").First();
        var guid = item.Element("guid")!;
        Assert.Equal($"urn:uuid:{FeedSeed.MoisId}", guid.Value);
        Assert.Equal("false", guid.Attribute("isPermaLink")!.Value);
        Assert.Equal("Sat, 08 Nov 2025 10:12:00 +0900", item.Element("pubDate")!.Value);
        Assert.Equal("포탈뉴스통신 편집부", item.Element(Dc + "creator")!.Value);
        Assert.Null(item.Element("author"));
        Assert.Contains("[뉴스출처 : 행정안전부]", item.Element(Content + "encoded")!.Value, StringComparison.Ordinal);
        var enclosure = item.Element("enclosure")!;
        Assert.Equal("image/jpeg", enclosure.Attribute("type")!.Value);
        Assert.Equal("0", enclosure.Attribute("length")!.Value);
        Assert.Equal("image", item.Element(Media + "content")!.Attribute("medium")!.Value);
        Assert.Equal(["IT/과학", "지역"], item.Elements("category").Select(c => c.Value));
    }

    [Fact]
    public async Task Items_of_the_combined_feed_name_their_source_feed()
    {
        using var harness = new PublishingHarness();
        var combined = XDocument.Parse(System.Text.Encoding.UTF8.GetString((await harness.GetAsync(FeedDefinition.All, FeedFormat.Rss))!.Content));
        var single = XDocument.Parse(System.Text.Encoding.UTF8.GetString((await harness.GetAsync(FeedDefinition.ForSource(FeedSeed.RegionId), FeedFormat.Rss))!.Content));

        var society = combined.Descendants("item").Single(i => i.Element("guid")!.Value == $"urn:uuid:{FeedSeed.SocietyId}");
        Assert.Equal("경기 지역 뉴스", society.Element("source")!.Value);
        Assert.Equal("https://feeds.example.org/feeds/gyeonggi.rss", society.Element("source")!.Attribute("url")!.Value);
        Assert.DoesNotContain(single.Descendants("item"), i => i.Element("source") is not null);
    }

    [Fact]
    public async Task An_empty_feed_is_updated_as_of_its_sources_last_run_not_1970_and_not_now()
    {
        var store = new InMemoryFeedStore();
        using var harness = new PublishingHarness(store);
        var beforeAnyRun = XDocument.Parse(System.Text.Encoding.UTF8.GetString((await harness.GetAsync(FeedDefinition.All, FeedFormat.Atom))!.Content));
        await store.SaveSourceStatusAsync(new SourceStatus { SourceId = FeedSeed.Sources[0].Id, LastRun = new DateTimeOffset(2025, 11, 8, 11, 30, 0, FeedSeed.Kst) }, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromHours(1));
        var afterARun = XDocument.Parse(System.Text.Encoding.UTF8.GetString((await harness.GetAsync(FeedDefinition.ForSource(FeedSeed.Sources[0].Id), FeedFormat.Atom))!.Content));

        // Before any run: the worker's start (the harness clock), not 1970.
        Assert.Equal("2025-11-08T03:00:00Z", beforeAnyRun.Root!.Element(Atom + "updated")!.Value);
        Assert.Equal("2025-11-08T11:30:00+09:00", afterARun.Root!.Element(Atom + "updated")!.Value);
    }
}
