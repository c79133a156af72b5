using System.Net;
using System.Text;
using System.Xml;
using CodeHollow.FeedReader;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.IntegrationTests.Publishing;

/// <summary>An item with control characters, <c>]]&gt;</c>, script, onerror, iframe, javascript:, emoji, RTL, 200 KB and no date.</summary>
public sealed class AdversarialContentTests
{
    private static readonly string[] Forbidden = ["<script", "onerror", "javascript:", "<iframe"];

    [Fact]
    public async Task Rss_and_atom_stay_well_formed_xml_and_feedparser_reads_the_item_intact_and_safe()
    {
        var store = FeedSeed.Store();
        store.Add(FeedSeed.Adversarial());
        await using var server = await FeedServer.StartAsync(store);
        var urls = new[] { FeedFormat.Rss, FeedFormat.Atom }.Select(f => FeedReaderCompatibilityTests.Url(server, FeedSeed.PortalId, f)).ToList();

        foreach (var url in urls)
        {
            var bytes = await server.Client.GetByteArrayAsync(url);
            // A strict XML 1.0 parser (character checking on) must accept every byte.
            using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { CheckCharacters = true, DtdProcessing = DtdProcessing.Prohibit });
            while (reader.Read())
            {
            }
        }

        var parsed = await FeedParserRun.ParseAsync(urls);

        foreach (var feed in parsed)
        {
            Assert.False(feed.GetProperty("bozo").GetBoolean(), feed.GetProperty("bozo_exception").ToString());
            var item = feed.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("id").GetString()!.EndsWith("9eff", StringComparison.Ordinal));
            // feedparser hands RSS titles back as HTML (entities kept), Atom text titles as plain text.
            var title = WebUtility.HtmlDecode(item.GetProperty("title").GetString()!);
            Assert.True(title.Contains("]]>", StringComparison.Ordinal), $"{feed.GetProperty("version")}: {title}");
            Assert.Contains("😀", title);
            Assert.Contains("שלום", title);
            Assert.Contains("عربي", title);
            Assert.Contains("]]>", title);
            var content = item.GetProperty("content").GetString()!;
            Assert.True(content.Length > 200_000, $"content is {content.Length} chars");
            Assert.Contains("정상 문단 😀 עברית مرحبا", content);
            Assert.Contains("CDATA 끝 ]]&gt; 그리고", content);
            foreach (var field in new[] { "title", "summary", "content", "author" })
            {
                var value = item.GetProperty(field).GetString()!;
                Assert.DoesNotContain(Forbidden, f => value.Contains(f, StringComparison.OrdinalIgnoreCase));
                Assert.DoesNotContain(value, c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');
            }

            // No date on the page: the first-seen time, not the time of the request.
            Assert.Equal(FeedSeed.Adversarial().FirstSeen.ToUnixTimeSeconds(), item.GetProperty("date").GetInt64());
        }
    }

    [Fact]
    public async Task Json_feed_stays_valid_and_a_json_feed_reader_gets_the_item_intact_and_safe()
    {
        var store = FeedSeed.Store();
        store.Add(FeedSeed.Adversarial());
        await using var server = await FeedServer.StartAsync(store);

        var bytes = await server.Client.GetByteArrayAsync(FeedReaderCompatibilityTests.Url(server, FeedSeed.PortalId, FeedFormat.Json));
        var feed = FeedReader.ReadFromByteArray(bytes);

        Assert.Equal(FeedType.JsonFeed, feed.Type);
        var item = feed.Items.Single(i => i.Id.EndsWith("9eff", StringComparison.Ordinal));
        Assert.Contains("😀 שלום عربي", item.Title);
        Assert.True(item.Content.Length > 200_000, $"{item.Content.Length}: {item.Content[..Math.Min(200, item.Content.Length)]}");
        foreach (var value in new[] { item.Title, item.Content, item.Description ?? "", item.Author ?? "" })
        {
            Assert.DoesNotContain(Forbidden, f => value.Contains(f, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(value, c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');
        }

        Assert.Equal(FeedSeed.Adversarial().FirstSeen.UtcDateTime, item.PublishingDate!.Value.ToUniversalTime());
        // The raw bytes are UTF-8 JSON without control characters (they were dropped, not escaped).
        Assert.DoesNotContain("\\u0001", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Newsboat_stores_the_adversarial_item_beside_the_others()
    {
        var store = FeedSeed.Store();
        store.Add(FeedSeed.Adversarial());
        await using var server = await FeedServer.StartAsync(store);

        foreach (var format in new[] { FeedFormat.Rss, FeedFormat.Atom })
        {
            var url = FeedReaderCompatibilityTests.Url(server, FeedSeed.PortalId, format);
            var counts = await NewsboatRun.ReloadAsync([url]);
            Assert.Equal(4, counts.GetValueOrDefault(url.AbsoluteUri));
        }
    }
}
