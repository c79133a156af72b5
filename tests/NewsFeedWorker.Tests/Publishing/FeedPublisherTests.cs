using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Storage;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.Tests.Publishing;

public sealed class FeedPublisherTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("nfw-publisher-").FullName;

    [Fact]
    public async Task Publishes_requested_while_one_runs_share_one_publish_that_starts_after_them()
    {
        var store = new HoldingStore(FeedSeed.Store());
        using var services = Services(store);
        var publisher = services.GetRequiredService<FeedPublisher>();
        var logs = services.GetRequiredService<FakeLogCollector>();

        store.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = publisher.PublishAsync(CancellationToken.None);
        Assert.True(store.Entered.Wait(TimeSpan.FromSeconds(10)));
        // Two sources finish while the first publish is rendering; what they stored must still be published.
        var second = publisher.PublishAsync(CancellationToken.None);
        var third = publisher.PublishAsync(CancellationToken.None);
        var hold = store.Hold;
        store.Hold = null;
        hold.SetResult();
        var summaries = await Task.WhenAll(first, second, third);

        Assert.Equal(2, logs.GetSnapshot().Count(r => r.Id.Id == 6001));
        Assert.Same(summaries[1], summaries[2]);
        Assert.True(summaries[0].Files > 0);

        // A later request is not covered by the publishes before it.
        await publisher.PublishAsync(CancellationToken.None);
        Assert.Equal(3, logs.GetSnapshot().Count(r => r.Id.Id == 6001));
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private ServiceProvider Services(IFeedStore store)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Worker:DataDirectory"] = dataDirectory,
            ["Publishing:PublicBaseUrl"] = "https://feeds.example.org/",
        }).Build();
        return new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 11, 8, 3, 0, 0, TimeSpan.Zero)))
            .AddSingleton(store)
            .AddSingleton<CurrentSources>(() => FeedSeed.Sources)
            .AddFakeLogging()
            .AddPublishing(configuration)
            .BuildServiceProvider();
    }

    /// <summary>The in-memory store, with article queries held while <see cref="Hold"/> is set (a publish in progress).</summary>
    private sealed class HoldingStore(InMemoryFeedStore inner) : IFeedStore
    {
        public TaskCompletionSource? Hold { get; set; }

        public ManualResetEventSlim Entered { get; } = new(false);

        public async Task<IReadOnlyList<StoredArticle>> GetArticlesAsync(ArticleQuery query, CancellationToken cancellationToken)
        {
            if (Hold is { } hold)
            {
                Entered.Set();
                await hold.Task.WaitAsync(cancellationToken);
            }

            return await inner.GetArticlesAsync(query, cancellationToken);
        }

        public Task MigrateAsync(CancellationToken cancellationToken) => inner.MigrateAsync(cancellationToken);
        public Task<ArticleSaveResult> SaveArticleAsync(string sourceId, Article article, DateTimeOffset seenAt, CancellationToken cancellationToken) => inner.SaveArticleAsync(sourceId, article, seenAt, cancellationToken);
        public Task<bool> SaveWeatherAsync(string sourceId, WeatherSnapshot snapshot, DateTimeOffset seenAt, CancellationToken cancellationToken) => inner.SaveWeatherAsync(sourceId, snapshot, seenAt, cancellationToken);
        public Task<bool> ShouldFetchArticleAsync(string sourceId, Uri url, DateTimeOffset now, TimeSpan recheckWindow, CancellationToken cancellationToken) => inner.ShouldFetchArticleAsync(sourceId, url, now, recheckWindow, cancellationToken);
        public Task<FetchValidators> GetValidatorsAsync(Uri url, CancellationToken cancellationToken) => inner.GetValidatorsAsync(url, cancellationToken);
        public Task SaveFetchStateAsync(Uri url, FetchValidators validators, int? status, DateTimeOffset at, CancellationToken cancellationToken) => inner.SaveFetchStateAsync(url, validators, status, at, cancellationToken);
        public Task<IReadOnlyList<StoredWeather>> GetWeatherAsync(string? sourceId, int limit, CancellationToken cancellationToken) => inner.GetWeatherAsync(sourceId, limit, cancellationToken);
        public Task<long> GetChangeVersionAsync(CancellationToken cancellationToken) => inner.GetChangeVersionAsync(cancellationToken);
        public Task SaveSourceStatusAsync(SourceStatus status, CancellationToken cancellationToken) => inner.SaveSourceStatusAsync(status, cancellationToken);
        public Task<IReadOnlyList<SourceStatus>> GetSourceStatusesAsync(CancellationToken cancellationToken) => inner.GetSourceStatusesAsync(cancellationToken);
        public Task<PruneResult> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.PruneAsync(now, cancellationToken);
    }
}
