using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsFeedWorker.IntegrationTests.Fetching;
using NewsFeedWorker.IntegrationTests.Support;

namespace NewsFeedWorker.IntegrationTests.EndToEnd;

/// <summary>
/// The furniture memory through every real stage: a loopback site whose article pages all carry the same donation
/// appeal and correspondent line, scraped by the worker into a SQLite file; from the fourth article on they are gone.
/// </summary>
[Collection(InProcessWorkerCollection.Name)]
public sealed class FurnitureMemoryTests : IDisposable
{
    private const string Appeal = "Independent journalism needs you: readers fund the Valley Gazette, and every euro keeps a reporter on the street.";
    private const string Correspondent = "Jonas Berg writes about farming, weather and the valley's small towns for the Valley Gazette.";

    private static readonly string[] Stories =
    [
        "Apple growers in the upper valley began the harvest a week early after a warm September. Pickers arrived from three countries and the cooperative hired extra trucks.",
        "The regional train line will close for six weeks in January while the old bridge over the gorge is replaced. Replacement buses run every half hour.",
        "A new cheese dairy opened in the village of Ostby, the first in forty years. The owners buy milk from eleven farms and sell mostly at weekly markets.",
        "Snow closed the mountain pass on Thursday night, stranding two hundred drivers in the valley towns. The road service expects to reopen it by Sunday.",
    ];

    private readonly string directory = Path.Combine(Path.GetTempPath(), "nfw-furniture-tests", Guid.NewGuid().ToString("n"));

    public FurnitureMemoryTests() => Directory.CreateDirectory(this.directory);

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public async Task The_fourth_article_of_a_site_is_stored_without_the_blocks_the_first_three_shared()
    {
        await using var site = await MisbehavingSite.StartAsync(app =>
        {
            app.MapGet("/news/", () => Results.Content(
                "<html><body><h1>Valley Gazette</h1><ul>" + string.Concat(Enumerable.Range(1, 4).Select(n => $"<li><a href=\"/news/2026/11/story-{n}.html\">Story {n}</a></li>")) + "</ul></body></html>",
                "text/html; charset=utf-8"));
            app.MapGet("/news/2026/11/story-{n:int}.html", (int n) => Results.Content(Article(n), "text/html; charset=utf-8"));
        });
        var port = WorkerFeeds.FreePort();
        var sources = Path.Combine(this.directory, "sources.json");
        await File.WriteAllTextAsync(sources, $$"""
            { "sources": [ {
                "id": "gazette", "name": "Valley Gazette", "schedule": "0 0 3 * * ?", "language": "en", "timeZone": "Europe/Oslo",
                "startUrls": [ "{{site.Url("/news/")}}" ], "allowedHosts": [ "127.0.0.1" ],
                "politeness": { "delay": "00:00:00.010" }
            } ] }
            """);
        await using var app = WorkerFeeds.Build(sources, Path.Combine(this.directory, "data"), port);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var items = await WorkerFeeds.WaitForItemsAsync(http, "/feeds/gazette.json", expected: 4);
        await app.StopAsync();

        string Body(int n) => items.Single(i => i.GetProperty("url").GetString()!.EndsWith($"story-{n}.html", StringComparison.Ordinal))
            .GetProperty("content_html").GetString()!;
        foreach (var n in new[] { 1, 2, 3 })
        {
            Assert.Contains("every euro keeps a reporter", Body(n));
            Assert.Contains("Jonas Berg writes about farming", Body(n));
        }

        Assert.Contains("Snow closed the mountain pass on Thursday night", Body(4));
        Assert.Contains("The road service expects to reopen it by Sunday", Body(4));
        Assert.DoesNotContain("every euro keeps a reporter", Body(4));
        Assert.DoesNotContain("Jonas Berg", Body(4));
    }

    private static string Article(int n)
    {
        var story = Stories[n - 1];
        var headline = story[..story.IndexOf('.', StringComparison.Ordinal)];
        return $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{headline}</title>
            <meta property="og:type" content="article"><meta property="article:published_time" content="2026-11-0{n}T08:00:00+01:00"></head>
            <body><main><article><h1>{headline}</h1><div class="text">
            <p>{story}</p>
            <p>Local officials said on day {n} of the month that more details would follow, and residents were asked to check the county website.</p>
            <p class="note">{Appeal}</p>
            <div class="line"><p>{Correspondent}</p></div>
            </div></article></main></body></html>
            """;
    }
}
