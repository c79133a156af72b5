using System.Text.Json;
using NewsFeedWorker.Hosting;
using NewsFeedWorker.IntegrationTests.Publishing;
using NewsFeedWorker.IntegrationTests.Support;

namespace NewsFeedWorker.IntegrationTests.EndToEnd;

/// <summary>
/// The whole pipeline with every real stage: the worker scrapes the sample site it serves itself (real HTTP on
/// loopback), stores into a SQLite file, and publishes feeds that Universal Feed Parser reads.
/// </summary>
[Collection(InProcessWorkerCollection.Name)]
public sealed class SampleSiteToFeedsTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "nfw-e2e-tests", Guid.NewGuid().ToString("n"));

    public SampleSiteToFeedsTests() => Directory.CreateDirectory(this.directory);

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public async Task The_sample_site_becomes_valid_feeds_with_clean_bodies_weather_and_static_files()
    {
        var port = WorkerFeeds.FreePort();
        var sources = Path.Combine(this.directory, "sources.json");
        await File.WriteAllTextAsync(sources, $$"""
            { "sources": [ {
                "id": "sample", "name": "샘플 뉴스", "schedule": "0 0 3 * * ?", "language": "ko",
                "startUrls": [ "http://127.0.0.1:{{port}}/sample/" ], "allowedHosts": [ "127.0.0.1" ],
                "articleLinks": { "maxPages": 2 }, "politeness": { "delay": "00:00:00.050" }
            } ] }
            """);
        var data = Path.Combine(this.directory, "data");
        await using var app = WorkerHost.Build(new Dictionary<string, string?>
        {
            ["Worker:SourcesFile"] = sources,
            ["Worker:DataDirectory"] = data,
            ["Worker:RunOnStart"] = "true",
            ["urls"] = $"http://127.0.0.1:{port}",
        });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var items = await WorkerFeeds.WaitForItemsAsync(http, "/feeds/sample.json", expected: 4);
        var parsed = await FeedParserRun.ParseAsync(
            [new Uri(http.BaseAddress, "/feeds/sample.rss"), new Uri(http.BaseAddress, "/feeds/sample.atom"),
             new Uri(http.BaseAddress, "/feeds/all.rss"), new Uri(http.BaseAddress, "/feeds/weather.atom")]);
        await app.StopAsync();

        // Titles as printed on the sample pages' h3.heading (src/NewsFeedWorker/SampleSite/news/article-100N.html).
        var titles = items.Select(i => i.GetProperty("title").GetString()).ToHashSet();
        Assert.Contains("행정안전부, '제8회 전자정부의 날' 기념행사 개최, AI시대 공공AX 본격화 논의", titles);
        Assert.Contains("경북 동해안 대게 금어기 해제, 첫 위판 활기", titles);

        var seed = items.Single(i => i.GetProperty("url").GetString()!.EndsWith("idxno=1001", StringComparison.Ordinal));
        var body = seed.GetProperty("content_html").GetString()!;
        Assert.Contains("(포탈뉴스통신) 행정안전부는 6월 25일", body);
        Assert.Contains("라고 말했다.", body);
        foreach (var furniture in new[] { "더보기", "기상청", "흐림서울", "16.4℃", "경제핫이슈", "통큰 세일", "로그인", "무단전재" })
        {
            Assert.DoesNotContain(furniture, body);
        }

        Assert.Equal("2025-06-25T16:12:00+09:00", seed.GetProperty("date_published").GetString());
        Assert.Equal(["IT/과학"], seed.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Where(t => t != "demo"));

        foreach (var feed in parsed)
        {
            Assert.False(feed.GetProperty("bozo").GetBoolean(), $"{feed.GetProperty("url")}: {feed.GetProperty("bozo_exception")}");
            Assert.All(feed.GetProperty("entries").EnumerateArray(), e =>
            {
                Assert.NotEqual("", e.GetProperty("id").GetString());
                Assert.NotEqual("", e.GetProperty("title").GetString());
                Assert.NotEqual(JsonValueKind.Null, e.GetProperty("date").ValueKind);
            });
        }

        Assert.Equal(4, parsed[0].GetProperty("entries").GetArrayLength());
        Assert.Equal(4, parsed[1].GetProperty("entries").GetArrayLength());
        var weather = Assert.Single(parsed[3].GetProperty("entries").EnumerateArray());
        Assert.Contains("서울 흐림 16.4℃", weather.GetProperty("title").GetString());

        var exported = await File.ReadAllTextAsync(Path.Combine(data, "feeds", "sample.rss"));
        Assert.Contains("경북 동해안 대게 금어기 해제", exported);
        Assert.True(File.Exists(Path.Combine(data, "newsfeedworker.db")), "the SQLite file is in the data directory");
    }
}
