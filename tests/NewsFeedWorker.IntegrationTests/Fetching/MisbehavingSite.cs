using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsFeedWorker.IntegrationTests.Fetching;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with endpoints that misbehave on purpose; it counts every request per
/// path and the most requests it ever had in flight at once.
/// </summary>
public sealed class MisbehavingSite : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> hits = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<HttpRequestSnapshot> requests = new();
    private int inFlight;
    private int maxInFlight;

    private MisbehavingSite(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public int Port => BaseUrl.Port;

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public IReadOnlyCollection<HttpRequestSnapshot> Requests => this.requests;

    public static async Task<MisbehavingSite> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new MisbehavingSite(app);
        app.Use(async (context, next) =>
        {
            site.Record(context.Request);
            var now = Interlocked.Increment(ref site.inFlight);
            InterlockedMax(ref site.maxInFlight, now);
            try
            {
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref site.inFlight);
            }
        });
        map(app);
        await app.StartAsync();
        site.BaseUrl = new Uri(app.Urls.First());
        return site;
    }

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    /// <summary>The same server under another host name (the test resolver maps it to 127.0.0.1).</summary>
    public Uri Url(string host, string pathAndQuery) => new($"http://{host}:{Port}{pathAndQuery}");

    public int Hits(string path) => hits.TryGetValue(path, out var n) ? n : 0;

    public int TotalHits => hits.Values.Sum();

    public async ValueTask DisposeAsync()
    {
        await this.app.StopAsync();
        await this.app.DisposeAsync();
    }

    private void Record(HttpRequest request)
    {
        hits.AddOrUpdate(request.Path.Value ?? "/", 1, (_, n) => n + 1);
        this.requests.Enqueue(new HttpRequestSnapshot(
            request.Path.Value ?? "/",
            request.Host.Host,
            request.Headers.UserAgent.ToString(),
            request.Headers.IfNoneMatch.ToString(),
            request.Headers.IfModifiedSince.ToString()));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
