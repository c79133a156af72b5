using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Publishing.Serving;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.IntegrationTests.Publishing;

/// <summary>A real Kestrel on 127.0.0.1 (random port) serving the feed endpoints over the in-memory store.</summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FeedServer(WebApplication app, InMemoryFeedStore store, FakeTimeProvider time, string dataDirectory)
    {
        this.app = app;
        Store = store;
        Time = time;
        DataDirectory = dataDirectory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
        Client = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = BaseUrl };
    }

    public Uri BaseUrl { get; }

    public HttpClient Client { get; }

    public InMemoryFeedStore Store { get; }

    public FakeTimeProvider Time { get; }

    public string DataDirectory { get; }

    public string ExportDirectory => Path.Combine(DataDirectory, "feeds");

    public IServiceProvider Services => app.Services;

    public FeedPublisher Publisher => app.Services.GetRequiredService<FeedPublisher>();

    public static async Task<FeedServer> StartAsync(
        InMemoryFeedStore? store = null, IDictionary<string, string?>? settings = null, IReadOnlyList<SourceDefinition>? sources = null,
        IReadOnlyList<TopicDefinition>? topics = null)
    {
        store ??= FeedSeed.Store();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 11, 8, 3, 5, 0, TimeSpan.Zero));
        var dataDirectory = Directory.CreateTempSubdirectory("nfw-feedserver-").FullName;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var values = new Dictionary<string, string?> { ["Worker:DataDirectory"] = dataDirectory };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        var list = sources ?? FeedSeed.Sources;
        builder.Services
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IFeedStore>(store)
            .AddSingleton<CurrentSources>(() => list)
            .AddSingleton<CurrentTopics>(() => topics ?? [])
            .AddPublishing(builder.Configuration)
            .AddFeedServing();
        var app = builder.Build();
        app.MapFeedEndpoints();
        await app.StartAsync();
        return new FeedServer(app, store, time, dataDirectory);
    }

    public Uri Url(string relative) => new(BaseUrl, relative);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
