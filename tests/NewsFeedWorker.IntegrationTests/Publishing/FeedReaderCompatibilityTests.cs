using System.Text.Json;
using CodeHollow.FeedReader;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.IntegrationTests.Publishing;

/// <summary>
/// Every feed kind in every format, read by real third-party readers over loopback HTTP: Universal Feed Parser and
/// newsboat for RSS and Atom (Debian's feedparser 6.0 and newsboat 2.21 cannot read JSON Feed at all), and
/// CodeHollow.FeedReader for JSON Feed (and RSS/Atom once more).
/// </summary>
public sealed class FeedReaderCompatibilityTests
{
    /// <summary>Feed path (without extension) and the items the seeded store gives it.</summary>
    public static readonly (string Path, int Items)[] Feeds =
    [
        ($"{FeedSeed.PortalId}", 3),
        ($"{FeedSeed.RegionId}", 2),
        ("all", 4),
        ("weather", 2),
        ($"{FeedSeed.PortalId}/weather", 2),
        ("category/it-과학", 2),
        // The release and its copy from the other source: one story, one item linking the copy.
        ("topic/gov-event", 1),
        ($"all?q={Uri.EscapeDataString("전자정부의")}", 1),
    ];

    private static readonly FeedFormat[] XmlFormats = [FeedFormat.Rss, FeedFormat.Atom];

    [Fact]
    public async Task Feedparser_reads_every_feed_kind_in_rss_and_atom_without_bozo_and_with_complete_entries()
    {
        await using var server = await FeedServer.StartAsync(topics: FeedSeed.Topics);
        var urls = Feeds.SelectMany(f => XmlFormats.Select(format => (f.Path, f.Items, Url: Url(server, f.Path, format)))).ToList();

        var parsed = await FeedParserRun.ParseAsync(urls.Select(u => u.Url));

        var problems = new List<string>();
        foreach (var (feed, (path, items, url)) in parsed.Zip(urls))
        {
            if (feed.GetProperty("bozo").GetBoolean())
            {
                problems.Add($"{url}: bozo {feed.GetProperty("bozo_exception")}");
            }

            var entries = feed.GetProperty("entries").EnumerateArray().ToList();
            if (entries.Count != items)
            {
                problems.Add($"{url}: {entries.Count} entries, expected {items}");
            }

            foreach (var entry in entries)
            {
                foreach (var field in new[] { "id", "link", "title" })
                {
                    if (string.IsNullOrWhiteSpace(entry.GetProperty(field).GetString()))
                    {
                        problems.Add($"{url}: an entry has no {field}");
                    }
                }

                if (entry.GetProperty("date").ValueKind != JsonValueKind.Number)
                {
                    problems.Add($"{url}: entry {entry.GetProperty("id")} has no date");
                }
            }
        }

        Assert.Empty(problems);
        Assert.Equal(urls.Count, parsed.Length);
    }

    [Fact]
    public async Task Feedparser_sees_the_stable_ids_dates_authors_and_images_the_store_holds()
    {
        await using var server = await FeedServer.StartAsync(topics: FeedSeed.Topics);
        var formats = XmlFormats.Select(f => Url(server, FeedSeed.PortalId, f)).ToList();

        var parsed = await FeedParserRun.ParseAsync(formats);

        foreach (var feed in parsed)
        {
            var entries = feed.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
            var mois = entries[$"urn:uuid:{FeedSeed.MoisId}"];
            Assert.Equal("https://www.portalnews.example/news/articleView.html?idxno=1001", mois.GetProperty("link").GetString());
            Assert.Equal(FeedSeed.Mois().Article.Title, mois.GetProperty("title").GetString());
            Assert.Equal(FeedSeed.Mois().Article.Published!.Value.ToUnixTimeSeconds(), mois.GetProperty("date").GetInt64());
            Assert.Equal("포탈뉴스통신 편집부", mois.GetProperty("author").GetString());
            Assert.Contains("IT/과학", mois.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Contains("[뉴스출처 : 행정안전부]", mois.GetProperty("content").GetString());
            Assert.Contains(mois.GetProperty("enclosures").EnumerateArray(), e => e.GetProperty("type").GetString() == "image/jpeg");
            Assert.Equal("ko", feed.GetProperty("language").GetString());

            // A page without a date keeps its first-seen time, never the time of the request.
            var undated = entries[$"urn:uuid:{FeedSeed.UndatedId}"];
            Assert.Equal(FeedSeed.UndatedFirstSeen.ToUnixTimeSeconds(), undated.GetProperty("date").GetInt64());
        }
    }

    [Fact]
    public async Task Feedparser_reads_the_weather_item_title_and_table()
    {
        await using var server = await FeedServer.StartAsync(topics: FeedSeed.Topics);

        var parsed = await FeedParserRun.ParseAsync(XmlFormats.Select(f => Url(server, "weather", f)));

        foreach (var feed in parsed)
        {
            var first = feed.GetProperty("entries")[0];
            Assert.Equal("2025-11-08 기상청 날씨 — 서울 흐림 16.4℃ …", first.GetProperty("title").GetString());
            var html = first.GetProperty("content").GetString()!;
            Assert.Equal(16, html.Split("<tr>").Length - 2);
            Assert.Contains("<td>구름많음</td>", html);
        }
    }

    [Fact]
    public async Task Newsboat_stores_every_item_of_every_feed_kind_in_rss_and_atom()
    {
        await using var server = await FeedServer.StartAsync(topics: FeedSeed.Topics);
        var urls = Feeds.SelectMany(f => XmlFormats.Select(format => (Url: Url(server, f.Path, format), f.Items))).ToList();

        // newsboat keys items by guid across all feeds, so each feed gets its own cache to be counted on its own.
        var actual = new Dictionary<string, int>();
        foreach (var (url, _) in urls)
        {
            var counts = await NewsboatRun.ReloadAsync([url]);
            actual[url.AbsoluteUri] = counts.GetValueOrDefault(url.AbsoluteUri);
        }

        Assert.Equal(urls.ToDictionary(u => u.Url.AbsoluteUri, u => u.Items), actual);
    }

    [Fact]
    public async Task FeedReader_reads_every_feed_kind_in_every_format_with_complete_items()
    {
        await using var server = await FeedServer.StartAsync(topics: FeedSeed.Topics);
        var problems = new List<string>();
        foreach (var (path, items) in Feeds)
        {
            foreach (var format in FeedFormats.All)
            {
                var url = Url(server, path, format);
                var feed = FeedReader.ReadFromByteArray(await server.Client.GetByteArrayAsync(url));
                var expectedType = format switch
                {
                    FeedFormat.Rss => FeedType.Rss_2_0,
                    FeedFormat.Atom => FeedType.Atom,
                    _ => FeedType.JsonFeed,
                };
                if (feed.Type != expectedType)
                {
                    problems.Add($"{url}: read as {feed.Type}");
                }

                if (feed.Items.Count != items)
                {
                    problems.Add($"{url}: {feed.Items.Count} items, expected {items}");
                }

                problems.AddRange(feed.Items
                    .Where(i => string.IsNullOrWhiteSpace(i.Id) || string.IsNullOrWhiteSpace(i.Link) || string.IsNullOrWhiteSpace(i.Title) || i.PublishingDate is null)
                    .Select(i => $"{url}: item '{i.Id}' lacks id, link, title or date"));
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task FeedReader_reads_json_feed_dates_ids_and_attachments_as_stored()
    {
        await using var server = await FeedServer.StartAsync(topics: FeedSeed.Topics);

        var feed = FeedReader.ReadFromByteArray(await server.Client.GetByteArrayAsync(Url(server, FeedSeed.PortalId, FeedFormat.Json)));

        var json = Assert.IsType<CodeHollow.FeedReader.Feeds.JsonFeed>(feed.SpecificFeed);
        Assert.Equal("https://jsonfeed.org/version/1.1", json.Version);
        Assert.Equal("ko", json.Language);
        var items = feed.Items.ToDictionary(i => i.Id);
        var mois = Assert.IsType<CodeHollow.FeedReader.Feeds.JsonFeedItem>(items[$"urn:uuid:{FeedSeed.MoisId}"].SpecificItem);
        Assert.Equal(FeedSeed.Mois().Article.Published, mois.DatePublished is { } p ? new DateTimeOffset(p) : null);
        Assert.Contains(mois.Attachments, a => a.MimeType == "image/jpeg");
        Assert.Contains("[뉴스출처 : 행정안전부]", mois.ContentHtml);
        var undated = items[$"urn:uuid:{FeedSeed.UndatedId}"];
        Assert.Equal(FeedSeed.UndatedFirstSeen.UtcDateTime, undated.PublishingDate!.Value.ToUniversalTime());
    }

    internal static Uri Url(FeedServer server, string path, FeedFormat format) => server.Url(Relative(path, format));

    /// <summary>A path with a query (<c>all?q=…</c>) keeps its query after the extension.</summary>
    internal static string Relative(string path, FeedFormat format)
    {
        var at = path.IndexOf('?', StringComparison.Ordinal);
        var query = at >= 0 ? path[at..] : "";
        var bare = at >= 0 ? path[..at] : path;
        return "feeds/" + string.Join('/', bare.Split('/').Select(Uri.EscapeDataString)) + "." + format.Extension() + query;
    }
}
