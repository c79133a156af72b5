using System.CommandLine;
using System.Xml.Linq;
using NewsFeedWorker.Cli;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.IntegrationTests.Publishing;

/// <summary>The OPML list (HTTP and the export-opml command) and the index page.</summary>
public sealed class OpmlAndIndexTests
{
    private static readonly string[] ExpectedFeeds =
    [
        "all", "weather", "corrections", FeedSeed.PortalId, $"{FeedSeed.PortalId}/weather", $"{FeedSeed.PortalId}/corrections",
        FeedSeed.RegionId, $"{FeedSeed.RegionId}/corrections",
        "category/지역", "category/it-과학", "category/정치", "category/사회", "category/경제핫이슈",
    ];

    [Fact]
    public async Task Opml_lists_every_feed_with_its_rss_url_and_site()
    {
        await using var server = await FeedServer.StartAsync();

        var opml = XDocument.Parse(await server.Client.GetStringAsync("opml"));

        var outlines = opml.Descendants("outline").Where(o => o.Attribute("xmlUrl") is not null).ToList();
        var paths = outlines.Select(o => Uri.UnescapeDataString(new Uri(o.Attribute("xmlUrl")!.Value).AbsolutePath)["/feeds/".Length..^".rss".Length]);
        Assert.Equal(ExpectedFeeds.Order(StringComparer.Ordinal), paths.Order(StringComparer.Ordinal));
        Assert.All(outlines, o => Assert.Equal("rss", o.Attribute("type")!.Value));
        Assert.Contains(outlines, o => o.Attribute("text")!.Value == "포탈뉴스통신" && o.Attribute("htmlUrl")!.Value == "https://www.portalnews.example/");
        // Every listed feed is really served.
        foreach (var outline in outlines)
        {
            using var response = await server.Client.GetAsync(outline.Attribute("xmlUrl")!.Value);
            Assert.True(response.IsSuccessStatusCode, outline.Attribute("xmlUrl")!.Value);
        }
    }

    [Fact]
    public async Task Export_opml_command_writes_the_list_to_the_output_file_with_public_links()
    {
        await using var server = await FeedServer.StartAsync(settings: new Dictionary<string, string?> { ["Publishing:PublicBaseUrl"] = "https://feeds.example.org/" });
        var output = Path.Combine(server.DataDirectory, "subscriptions.opml");
        var root = new RootCommand { ExportOpmlCommand.Create(() => server.Services) };

        var exit = await root.Parse(["export-opml", "--output", output]).InvokeAsync();

        Assert.Equal(0, exit);
        var opml = XDocument.Load(output);
        var urls = opml.Descendants("outline").Select(o => o.Attribute("xmlUrl")?.Value).OfType<string>().ToList();
        Assert.Equal(ExpectedFeeds.Length, urls.Count);
        Assert.Contains("https://feeds.example.org/feeds/all.rss", urls);
    }

    [Fact]
    public async Task Index_page_lists_sources_with_state_subscribe_links_and_autodiscovery()
    {
        await using var server = await FeedServer.StartAsync();

        using var response = await server.Client.GetAsync("");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var document = parser.ParseDocument(html);
        var alternates = document.QuerySelectorAll("head link[rel=alternate]").Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ToList();
        Assert.Contains(("application/rss+xml", server.Url("feeds/all.rss").AbsoluteUri), alternates);
        Assert.Contains(("application/atom+xml", server.Url("feeds/portalnews.atom").AbsoluteUri), alternates);
        Assert.Contains(("application/feed+json", server.Url("feeds/gyeonggi.json").AbsoluteUri), alternates);
        var rows = document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        var regional = Assert.Single(rows, r => r.Contains("경기 지역 뉴스", StringComparison.Ordinal));
        Assert.Contains("실패 2회", regional, StringComparison.Ordinal);
        Assert.Contains("HTTP 503 from news.gyeonggi.example", regional, StringComparison.Ordinal);
        Assert.Contains("2025-11-08 09:00", regional, StringComparison.Ordinal);
        var portal = Assert.Single(rows, r => r.Contains("포탈뉴스통신", StringComparison.Ordinal));
        Assert.Contains("정상", portal, StringComparison.Ordinal);
        Assert.Contains("128", portal, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($"a[href='{server.Url("feeds/portalnews/weather.json").AbsoluteUri}']"));
        Assert.NotNull(document.QuerySelector($"a[href='{server.Url("opml").AbsoluteUri}']"));
        Assert.NotNull(document.QuerySelector("style"));
    }

    [Fact]
    public async Task Weather_json_returns_the_structured_readings()
    {
        await using var server = await FeedServer.StartAsync();

        using var json = System.Text.Json.JsonDocument.Parse(await server.Client.GetStringAsync("weather.json?source=portalnews"));

        var latest = json.RootElement.GetProperty("snapshots")[0];
        Assert.Equal("2025-11-08", latest.GetProperty("date").GetString());
        Assert.Equal("기상청", latest.GetProperty("provider").GetString());
        var readings = latest.GetProperty("readings").EnumerateArray().ToList();
        Assert.Equal(16, readings.Count);
        var seoul = readings.Single(r => r.GetProperty("station").GetString() == "서울");
        Assert.Equal("흐림", seoul.GetProperty("condition").GetString());
        Assert.Equal(16.4m, seoul.GetProperty("temperatureC").GetDecimal());
        Assert.Equal(4, readings.Count(r => r.GetProperty("condition").ValueKind == System.Text.Json.JsonValueKind.Null));
    }
}
