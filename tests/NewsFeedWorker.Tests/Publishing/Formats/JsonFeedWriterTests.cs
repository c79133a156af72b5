using System.Text.Json;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Publishing.Formats;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.Tests.Publishing.Formats;

public sealed class JsonFeedWriterTests
{
    [Fact]
    public async Task Json_feed_has_version_string_ids_rfc3339_dates_tags_and_attachments()
    {
        using var harness = new PublishingHarness();
        using var json = JsonDocument.Parse((await harness.GetAsync(FeedDefinition.ForSource(FeedSeed.PortalId), FeedFormat.Json))!.Content);

        var root = json.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("https://feeds.example.org/feeds/portalnews.json", root.GetProperty("feed_url").GetString());
        Assert.Equal("https://www.portalnews.example/", root.GetProperty("home_page_url").GetString());
        Assert.Equal("ko", root.GetProperty("language").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        var mois = items.Single(i => i.GetProperty("id").GetString() == $"urn:uuid:{FeedSeed.MoisId}");
        Assert.Equal("2025-11-08T10:12:00+09:00", mois.GetProperty("date_published").GetString());
        Assert.Equal(["IT/과학", "지역"], mois.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("image/jpeg", mois.GetProperty("attachments")[0].GetProperty("mime_type").GetString());
        Assert.Equal("포탈뉴스통신 편집부", mois.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.All(items, i => Assert.Equal(JsonValueKind.String, i.GetProperty("id").ValueKind));
        var undated = items.Single(i => i.GetProperty("id").GetString() == $"urn:uuid:{FeedSeed.UndatedId}");
        Assert.Equal("2025-11-08T09:30:00+09:00", undated.GetProperty("date_published").GetString());
    }

    [Fact]
    public void Rfc3339_writes_z_for_utc_and_the_offset_otherwise()
    {
        Assert.Equal("2025-11-08T01:12:00Z", JsonFeedWriter.Rfc3339(new DateTimeOffset(2025, 11, 8, 1, 12, 0, TimeSpan.Zero)));
        Assert.Equal("2025-11-08T10:12:00+09:00", JsonFeedWriter.Rfc3339(new DateTimeOffset(2025, 11, 8, 10, 12, 0, FeedSeed.Kst)));
    }
}
