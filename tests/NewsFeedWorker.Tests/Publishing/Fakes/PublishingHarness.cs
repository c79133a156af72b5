using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Publishing.Serving;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Tests.Publishing.Fakes;

/// <summary>The publishing stage as the app registers it, over the in-memory store, a fake clock and a temp data folder.</summary>
public sealed class PublishingHarness : IDisposable, IAsyncDisposable
{
    public PublishingHarness(InMemoryFeedStore? store = null, IReadOnlyList<SourceDefinition>? sources = null, IDictionary<string, string?>? settings = null,
        IReadOnlyList<TopicDefinition>? topics = null)
    {
        Topics = topics ?? [];
        Store = store ?? FeedSeed.Store();
        Sources = sources ?? FeedSeed.Sources;
        DataDirectory = Directory.CreateTempSubdirectory("nfw-publish-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Worker:DataDirectory"] = DataDirectory,
            ["Publishing:PublicBaseUrl"] = "https://feeds.example.org/",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<IFeedStore>(Store)
            .AddSingleton<CurrentSources>(() => Sources)
            .AddSingleton<CurrentTopics>(() => Topics)
            .AddLogging()
            .AddPublishing(configuration)
            .AddFeedServing();
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 11, 8, 3, 0, 0, TimeSpan.Zero));

    public InMemoryFeedStore Store { get; }

    public IReadOnlyList<SourceDefinition> Sources { get; set; }

    public IReadOnlyList<TopicDefinition> Topics { get; set; }

    public string DataDirectory { get; }

    public string ExportDirectory => Path.Combine(DataDirectory, "feeds");

    public ServiceProvider Services { get; }

    public FeedCache Cache => Services.GetRequiredService<FeedCache>();

    public FeedPublisher Publisher => Services.GetRequiredService<FeedPublisher>();

    public FeedLinks Links => Publisher.ExportLinks;

    public Task<RenderedFeed?> GetAsync(FeedDefinition feed, FeedFormat format, int limit = 50) =>
        Cache.GetFeedAsync(feed, format, limit, Links, CancellationToken.None).AsTask();

    public void Dispose()
    {
        Services.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>Waits for a publish still writing the export (a trailing one) before the directory goes.</summary>
    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
