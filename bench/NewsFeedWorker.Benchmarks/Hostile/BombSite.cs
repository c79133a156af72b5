using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsFeedWorker.Benchmarks.Hostile;

/// <summary>
/// A loopback site of three hosts on one port: 127.0.0.1 is a healthy news source whose list grows when told to,
/// 127.0.0.2 and 127.0.0.3 are sources whose every article link serves a markup bomb (<see cref="BombPages"/> in turn, or only
/// the costliest).
/// It records when the healthy list is fetched and how many bomb pages it served.
/// </summary>
internal sealed class BombSite : IAsyncDisposable
{
    public const int BombLinks = 40;

    private readonly WebApplication app;
    private readonly byte[][] bombs;
    private readonly ConcurrentQueue<DateTimeOffset> healthyListFetches = new();
    private readonly ConcurrentDictionary<int, DateTimeOffset> firstArticleFetch = new();
    private int published;
    private int bombPagesServed;

    private BombSite(int port, bool costliest)
    {
        Port = port;
        // The costliest page is the one the markup guard lets through just under its element limit.
        this.bombs = [.. BombPages.All().Where(p => !costliest || p.Name.StartsWith("95,000", StringComparison.Ordinal)).Select(p => p.Body)];
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxResponseBufferSize = null;
            foreach (var host in (ReadOnlySpan<string>)["127.0.0.1", "127.0.0.2", "127.0.0.3"])
            {
                kestrel.Listen(IPAddress.Parse(host), port);
            }
        });
        this.app = builder.Build();
        this.app.MapGet("/list", (HttpContext context) => List(context));
        this.app.MapGet("/article/{n:int}", (HttpContext context, int n) => Article(context, n));
    }

    public int Port { get; }

    /// <summary>Articles the healthy source lists now.</summary>
    public int Published => Volatile.Read(ref this.published);

    public int BombPagesServed => Volatile.Read(ref this.bombPagesServed);

    public IReadOnlyCollection<DateTimeOffset> HealthyListFetches => this.healthyListFetches;

    /// <summary>When the healthy source first fetched article <paramref name="n"/>, if it has.</summary>
    public DateTimeOffset? FirstFetchOf(int n) => this.firstArticleFetch.TryGetValue(n, out var at) ? at : null;

    public static async Task<BombSite> StartAsync(int port, int published, bool costliest)
    {
        var site = new BombSite(port, costliest);
        site.published = published;
        await site.app.StartAsync();
        return site;
    }

    public Uri ListUrl(string host) => new($"http://{host}:{Port.ToString(CultureInfo.InvariantCulture)}/list");

    /// <summary>The healthy source lists <paramref name="count"/> articles from now on.</summary>
    public void Publish(int count) => Volatile.Write(ref this.published, count);

    public async ValueTask DisposeAsync()
    {
        await this.app.StopAsync();
        await this.app.DisposeAsync();
    }

    private static bool IsHealthy(HttpContext context) => context.Connection.LocalIpAddress?.ToString() == "127.0.0.1";

    private IResult List(HttpContext context)
    {
        var healthy = IsHealthy(context);
        if (healthy)
        {
            this.healthyListFetches.Enqueue(TimeProvider.System.GetUtcNow());
        }

        var links = new StringBuilder();
        var count = healthy ? Published : BombLinks;
        for (var n = count; n >= 1; n--)
        {
            links.Append(CultureInfo.InvariantCulture, $"<li><a class=\"article\" href=\"/article/{n}\">Article {n}</a></li>");
        }

        return Results.Content($"<!DOCTYPE html><html><head><title>List</title></head><body><ul>{links}</ul></body></html>", "text/html; charset=utf-8");
    }

    private IResult Article(HttpContext context, int n)
    {
        if (!IsHealthy(context))
        {
            var served = Interlocked.Increment(ref this.bombPagesServed);
            return Results.Bytes(this.bombs[(served + n) % this.bombs.Length], "text/html; charset=utf-8");
        }

        if (n > Published)
        {
            return Results.NotFound();
        }

        this.firstArticleFetch.TryAdd(n, TimeProvider.System.GetUtcNow());
        return Results.Content(HealthyArticle(n), "text/html; charset=utf-8");
    }

    /// <summary>An ordinary article page; each one's words differ so that no two are near-duplicates.</summary>
    private static string HealthyArticle(int n)
    {
        string[] words = ["harbour", "council", "budget", "river", "school", "library", "bridge", "market", "station", "festival",
            "hospital", "museum", "stadium", "garden", "factory", "airport", "tunnel", "forest", "island", "village"];
        var random = new Random(n);
        var paragraphs = new StringBuilder();
        for (var p = 0; p < 6; p++)
        {
            var sentence = string.Join(' ', Enumerable.Range(0, 40).Select(_ => words[random.Next(words.Length)] + random.Next(1000).ToString(CultureInfo.InvariantCulture)));
            paragraphs.Append(CultureInfo.InvariantCulture, $"<p>Report {n}, part {p}: {sentence}.</p>");
        }

        var title = $"Healthy article {n}";
        return $$$"""
            <!DOCTYPE html><html lang="en"><head><title>{{{title}}}</title><meta property="og:type" content="article">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"{{{title}}}","datePublished":"2025-11-08T09:30:00+09:00","author":{"name":"Bench Reporter"}}</script>
            </head><body><article><h1>{{{title}}}</h1>{{{paragraphs}}}</article></body></html>
            """;
    }
}
