using System.Net;
using System.Xml.Linq;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.IntegrationTests.Publishing;

/// <summary>Feeds must not churn: a cycle that finds nothing new changes no id, no date, no ETag and no file.</summary>
public sealed class RerunStabilityTests
{
    private static readonly string[] Paths =
        [.. FeedReaderCompatibilityTests.Feeds.SelectMany(f => FeedFormats.All.Select(format => FeedReaderCompatibilityTests.Relative(f.Path, format))), "opml", "weather.json"];

    [Fact]
    public async Task A_rerun_that_finds_nothing_new_changes_no_byte_and_no_etag_even_hours_later()
    {
        await using var server = await FeedServer.StartAsync(topics: FeedSeed.Topics);
        var before = await SnapshotAsync(server);
        var firstPublish = await server.Publisher.PublishAsync(CancellationToken.None);
        var filesBefore = ExportedFiles(server);

        // Another cycle: the store's version moves (a status write, an unchanged article) but no feed content does.
        server.Time.Advance(TimeSpan.FromHours(5));
        server.Store.BumpVersion();
        var secondPublish = await server.Publisher.PublishAsync(CancellationToken.None);
        var after = await SnapshotAsync(server);

        Assert.True(firstPublish.ChangedFiles > 0);
        Assert.Equal(0, secondPublish.ChangedFiles);
        Assert.Equal(before, after);
        Assert.Equal(filesBefore, ExportedFiles(server));
    }

    [Fact]
    public async Task A_new_article_changes_its_feeds_etags_but_no_existing_items_id_or_date()
    {
        await using var server = await FeedServer.StartAsync(topics: FeedSeed.Topics);
        var before = await server.Client.GetStringAsync("feeds/portalnews.atom");
        using var first = await server.Client.GetAsync("feeds/portalnews.atom");

        server.Store.Add(FeedSeed.Politics() with
        {
            Id = "5b0b5a0c-7f51-4d56-9a8e-2c3f1d6b9e99",
            Article = FeedSeed.Politics().Article with { Url = new Uri("https://www.portalnews.example/news/articleView.html?idxno=1099"), Title = "새 기사" },
        });
        await server.Publisher.PublishAsync(CancellationToken.None);
        var after = await server.Client.GetStringAsync("feeds/portalnews.atom");
        using var second = await server.Client.GetAsync("feeds/portalnews.atom");

        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        var oldEntries = Entries(before);
        var newEntries = Entries(after);
        Assert.Equal(oldEntries.Count + 1, newEntries.Count);
        foreach (var (id, dates) in oldEntries)
        {
            Assert.Equal(dates, newEntries[id]);
        }
    }

    [Fact]
    public async Task A_change_written_by_another_node_is_seen_after_the_version_check_interval()
    {
        await using var server = await FeedServer.StartAsync(topics: FeedSeed.Topics);
        using var first = await server.Client.GetAsync("feeds/all.rss");

        // Written by "another node": this one is not told, it only sees the shared version number move.
        server.Store.Add(FeedSeed.Politics() with
        {
            Id = "5b0b5a0c-7f51-4d56-9a8e-2c3f1d6b9e98",
            Article = FeedSeed.Politics().Article with { Url = new Uri("https://www.portalnews.example/news/articleView.html?idxno=1098"), Title = "다른 노드의 기사" },
        });
        using var stillCached = await server.Client.GetAsync("feeds/all.rss");
        server.Time.Advance(TimeSpan.FromSeconds(3));
        using var refreshed = await server.Client.GetAsync("feeds/all.rss");

        Assert.Equal(first.Headers.ETag, stillCached.Headers.ETag);
        Assert.NotEqual(first.Headers.ETag, refreshed.Headers.ETag);
        Assert.Contains("다른 노드의 기사", await refreshed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, string>> SnapshotAsync(FeedServer server)
    {
        var result = new Dictionary<string, string>();
        foreach (var path in Paths)
        {
            using var response = await server.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            result[path] = $"{response.Headers.ETag}|{response.Content.Headers.LastModified:O}|{body}";
        }

        return result;
    }

    private static Dictionary<string, string> ExportedFiles(FeedServer server) =>
        Directory.EnumerateFiles(server.ExportDirectory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(server.ExportDirectory, f), f => Convert.ToHexString(File.ReadAllBytes(f)) + File.GetLastWriteTimeUtc(f).Ticks);

    private static Dictionary<string, string> Entries(string atom)
    {
        XNamespace a = "http://www.w3.org/2005/Atom";
        return XDocument.Parse(atom).Root!.Elements(a + "entry")
            .ToDictionary(e => e.Element(a + "id")!.Value, e => $"{e.Element(a + "published")?.Value}|{e.Element(a + "updated")!.Value}");
    }
}
