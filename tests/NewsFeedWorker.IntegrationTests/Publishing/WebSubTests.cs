using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.IntegrationTests.Publishing;

/// <summary>With a hub configured, feeds advertise it and each publish that changed feeds pings it.</summary>
public sealed class WebSubTests
{
    [Fact]
    public async Task Feeds_carry_the_hub_and_the_publisher_pings_it_for_changed_feeds_only()
    {
        var pings = new ConcurrentQueue<(string Mode, string Url)>();
        await using var hub = await StartHubAsync(pings);
        await using var server = await FeedServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Publishing:WebSubHubUrl"] = hub.Urls.First() + "/hub",
            ["Publishing:PublicBaseUrl"] = "https://feeds.example.org/",
        });
        var hubUrl = hub.Urls.First() + "/hub";

        var atom = await server.Client.GetStringAsync("feeds/all.atom");
        var rss = await server.Client.GetStringAsync("feeds/all.rss");
        var json = await server.Client.GetStringAsync("feeds/all.json");
        var first = await server.Publisher.PublishAsync(CancellationToken.None);
        var firstPings = pings.ToList();
        pings.Clear();
        var unchanged = await server.Publisher.PublishAsync(CancellationToken.None);
        var unchangedPings = pings.ToList();
        server.Store.Add(FeedSeed.Society() with
        {
            Id = "5b0b5a0c-7f51-4d56-9a8e-2c3f1d6b9e77",
            Article = FeedSeed.Society().Article with { Url = new Uri("https://news.gyeonggi.example/article/7799"), Title = "경기도 새 소식" },
        });
        var changed = await server.Publisher.PublishAsync(CancellationToken.None);

        Assert.Contains($"<link rel=\"hub\" href=\"{hubUrl}\"", atom, StringComparison.Ordinal);
        Assert.Contains($"rel=\"hub\" href=\"{hubUrl}\"", rss, StringComparison.Ordinal);
        Assert.Contains($"\"url\": \"{hubUrl}\"", json, StringComparison.Ordinal);
        Assert.Equal(first.Files - 2, first.HubPings);
        Assert.All(firstPings, p => Assert.Equal("publish", p.Mode));
        Assert.Contains(("publish", "https://feeds.example.org/feeds/all.rss"), firstPings);
        Assert.Equal(0, unchanged.HubPings);
        Assert.Empty(unchangedPings);
        // The new article changes the source, combined and 사회 category feeds (3 formats each); nothing else.
        Assert.Equal(
            new[] { "all", "category/%EC%82%AC%ED%9A%8C", "gyeonggi" }.SelectMany(p => new[] { "atom", "json", "rss" }.Select(e => $"https://feeds.example.org/feeds/{p}.{e}")).Order(StringComparer.Ordinal),
            pings.Select(p => p.Url).Order(StringComparer.Ordinal));
        Assert.Equal(9, changed.HubPings);
    }

    private static async Task<WebApplication> StartHubAsync(ConcurrentQueue<(string Mode, string Url)> pings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var hub = builder.Build();
        hub.MapPost("/hub", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            pings.Enqueue((form["hub.mode"].ToString(), form["hub.url"].ToString()));
            return Results.NoContent();
        });
        await hub.StartAsync();
        return hub;
    }

    [Fact]
    public async Task An_unreachable_hub_does_not_fail_the_publish()
    {
        // A port nothing listens on: connection refused at once.
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        await using var server = await FeedServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Publishing:WebSubHubUrl"] = $"http://127.0.0.1:{port}/hub",
            ["Publishing:PublicBaseUrl"] = "https://feeds.example.org/",
        });

        var summary = await server.Publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(0, summary.HubPings);
        Assert.True(summary.ChangedFiles > 0);
        Assert.True(File.Exists(Path.Combine(server.ExportDirectory, "all.rss")));
    }
}
