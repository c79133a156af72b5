using System.Xml.Linq;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Publishing.Formats;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.Tests.Publishing.Formats;

public sealed class AtomFeedWriterTests
{
    private static readonly XNamespace Atom = FeedNamespaces.Atom;

    [Fact]
    public async Task Atom_entries_have_urn_ids_rfc3339_dates_html_content_and_a_feed_author()
    {
        using var harness = new PublishingHarness();
        var atom = XDocument.Parse(System.Text.Encoding.UTF8.GetString((await harness.GetAsync(FeedDefinition.All, FeedFormat.Atom))!.Content));

        var feed = atom.Root!;
        Assert.Equal("2025-11-08T10:12:00+09:00", feed.Element(Atom + "updated")!.Value);
        Assert.Equal("NewsFeedWorker", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(4, entries.Count);
        Assert.DoesNotContain(entries, e => e.Element(Atom + "id")!.Value == $"urn:uuid:{FeedSeed.CopyId}");
        var mois = entries.Single(e => e.Element(Atom + "id")!.Value == $"urn:uuid:{FeedSeed.MoisId}");
        Assert.Equal("html", mois.Element(Atom + "content")!.Attribute("type")!.Value);
        Assert.Equal("2025-11-08T10:12:00+09:00", mois.Element(Atom + "published")!.Value);
        Assert.Contains(mois.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "related" && (string?)l.Attribute("href") == "https://news.gyeonggi.example/article/7781");
        Assert.Contains(mois.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "enclosure" && (string?)l.Attribute("type") == "image/jpeg");
    }
}
