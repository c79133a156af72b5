using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Publishing.Serving;
using NewsFeedWorker.Storage;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.Tests.Publishing.Serving;

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

    [Fact]
    public async Task A_request_inside_the_interval_returns_at_once_and_its_trailing_publish_exports_the_last_change()
    {
        await using var harness = new PublishingHarness(settings: new Dictionary<string, string?> { ["Publishing:MinPublishInterval"] = "00:00:05" });
        var publisher = harness.Publisher;
        await publisher.RequestPublishAsync(CancellationToken.None);
        var portal = Path.Combine(harness.ExportDirectory, "portalnews.rss");
        var region = Path.Combine(harness.ExportDirectory, "gyeonggi.rss");
        Assert.True(File.Exists(portal), "the leading request publishes before it returns");
        var regionBytes = await File.ReadAllBytesAsync(region);
        var regionWritten = File.GetLastWriteTimeUtc(region);

        // A burst: the portal source stores twice inside the interval.
        harness.Store.Add(Article(1, "지자체 AI 민원 상담 시범 운영"));
        await publisher.RequestPublishAsync(CancellationToken.None);
        harness.Store.Add(Article(2, "행안부, 공공데이터 개방 확대"));
        await publisher.RequestPublishAsync(CancellationToken.None);
        Assert.DoesNotContain("공공데이터 개방 확대", await File.ReadAllTextAsync(portal));

        harness.Time.Advance(TimeSpan.FromSeconds(5));
        // The publish writes file after file: wait for the last one this test looks at.
        var feeds = new[] { "portalnews.rss", "portalnews.atom", "portalnews.json", "all.rss", "all.json", "category/it-과학.atom" }
            .Select(f => Path.Combine(harness.ExportDirectory, f)).ToList();
        await WaitUntilAsync(() => feeds.All(f => File.ReadAllText(f).Contains("공공데이터 개방 확대", StringComparison.Ordinal)), harness.Time);

        foreach (var feed in feeds)
        {
            var text = await File.ReadAllTextAsync(feed);
            Assert.Contains("지자체 AI 민원 상담 시범 운영", text);
            Assert.Contains("공공데이터 개방 확대", text);
        }

        // The other source's feed did not change: its file is not rewritten.
        Assert.Equal(regionBytes, await File.ReadAllBytesAsync(region));
        Assert.Equal(regionWritten, File.GetLastWriteTimeUtc(region));
    }

    [Fact]
    public async Task Requests_during_a_scheduled_trailing_publish_share_it()
    {
        var store = new HoldingStore(FeedSeed.Store());
        using var services = Services(store, ("Publishing:MinPublishInterval", "00:00:05"));
        var publisher = services.GetRequiredService<FeedPublisher>();
        var logs = services.GetRequiredService<FakeLogCollector>();
        var time = (FakeTimeProvider)services.GetRequiredService<TimeProvider>();

        await publisher.RequestPublishAsync(CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            await publisher.RequestPublishAsync(CancellationToken.None);
        }

        Assert.Equal(1, logs.GetSnapshot().Count(r => r.Id.Id == 6001));
        time.Advance(TimeSpan.FromSeconds(5));
        await WaitUntilAsync(() => logs.GetSnapshot().Count(r => r.Id.Id == 6001) == 2, time);

        // A request after the trailing publish is not covered by it.
        await publisher.RequestPublishAsync(CancellationToken.None);
        await WaitUntilAsync(() => logs.GetSnapshot().Count(r => r.Id.Id == 6001) == 3, time);
    }

    [Fact]
    public async Task Shutting_down_publishes_a_change_still_waiting_for_its_interval()
    {
        await using var harness = new PublishingHarness(settings: new Dictionary<string, string?> { ["Publishing:MinPublishInterval"] = "00:10:00" });
        var publisher = harness.Publisher;
        await publisher.RequestPublishAsync(CancellationToken.None);
        harness.Store.Add(Article(3, "정부24 서비스 점검 안내"));
        await publisher.RequestPublishAsync(CancellationToken.None);

        await publisher.DisposeAsync();

        Assert.Contains("정부24 서비스 점검 안내", await File.ReadAllTextAsync(Path.Combine(harness.ExportDirectory, "all.atom")));
    }

    [Fact]
    public async Task With_no_interval_every_request_publishes_before_it_returns()
    {
        await using var harness = new PublishingHarness(settings: new Dictionary<string, string?> { ["Publishing:MinPublishInterval"] = "00:00:00" });
        await harness.Publisher.RequestPublishAsync(CancellationToken.None);
        harness.Store.Add(Article(4, "주민등록증 모바일 발급 확대"));

        await harness.Publisher.RequestPublishAsync(CancellationToken.None);

        Assert.Contains("주민등록증 모바일 발급 확대", await File.ReadAllTextAsync(Path.Combine(harness.ExportDirectory, "portalnews.json")));
    }

    [Fact]
    public async Task A_publish_after_one_source_stored_renders_its_feeds_and_the_shared_ones_but_not_the_other_sources()
    {
        await using var harness = new PublishingHarness();
        var first = await harness.Publisher.PublishAsync(CancellationToken.None);
        var region = Path.Combine(harness.ExportDirectory, "gyeonggi.atom");
        File.Delete(region);

        harness.Store.Add(Article(5, "행안부, 지역 디지털 격차 해소 방안 발표"));
        var second = await harness.Publisher.PublishAsync(CancellationToken.None);

        // The regional source has two feeds (its articles and its corrections, no weather): their six files are neither
        // rendered nor written.
        Assert.Equal(first.Files - 6, second.Files);
        Assert.False(File.Exists(region));
        foreach (var feed in new[] { "portalnews.rss", "all.atom", "category/it-과학.json" })
        {
            Assert.Contains("지역 디지털 격차 해소 방안", await File.ReadAllTextAsync(Path.Combine(harness.ExportDirectory, feed)));
        }
    }

    [Fact]
    public async Task A_copy_stored_by_one_source_renders_the_feeds_of_the_source_it_copies_too()
    {
        await using var harness = new PublishingHarness();
        var first = await harness.Publisher.PublishAsync(CancellationToken.None);

        harness.Store.Add(FeedSeed.Copy() with { Id = "5b0b5a0c-7f51-4d56-9a8e-2c3f1d6b9f06", Article = FeedSeed.Copy().Article with { Url = new Uri("https://news.gyeonggi.example/article/7782") } });
        var second = await harness.Publisher.PublishAsync(CancellationToken.None);

        Assert.Equal(first.Files, second.Files);
    }

    [Fact]
    public async Task A_sources_reload_renders_every_feed_again()
    {
        await using var harness = new PublishingHarness();
        var first = await harness.Publisher.PublishAsync(CancellationToken.None);
        var unchanged = await harness.Publisher.PublishAsync(CancellationToken.None);

        harness.Sources = [.. FeedSeed.Sources.Select(s => s.Id == FeedSeed.RegionId ? s with { Name = "경기 뉴스" } : s)];
        var reloaded = await harness.Publisher.PublishAsync(CancellationToken.None);

        Assert.True(unchanged.Files < first.Files, "nothing changed: the sources' own feeds are skipped");
        Assert.Equal(first.Files, reloaded.Files);
        Assert.Contains("경기 뉴스", await File.ReadAllTextAsync(Path.Combine(harness.ExportDirectory, "gyeonggi.rss")));
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private static StoredArticle Article(int n, string title) => FeedSeed.Mois() with
    {
        Id = $"5b0b5a0c-7f51-4d56-9a8e-2c3f1d6b9f{n:00}",
        RelatedLinks = [],
        FirstSeen = new DateTimeOffset(2025, 11, 8, 12, n, 0, FeedSeed.Kst),
        Article = FeedSeed.Mois().Article with
        {
            Url = new Uri($"https://www.portalnews.example/news/articleView.html?idxno={2000 + n}"),
            Title = title,
            Published = new DateTimeOffset(2025, 11, 8, 12, n, 0, FeedSeed.Kst),
        },
    };

    // A trailing publish runs on the thread pool after the fake clock's timer fires: wait for its effect, not for time.
    // The clock moves on a second at a time, as a real one would: the publish may set its timer after the first advance.
    private static async Task WaitUntilAsync(Func<bool> condition, FakeTimeProvider? time = null)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
            time?.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(condition());
    }

    private ServiceProvider Services(IFeedStore store, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Worker:DataDirectory"] = dataDirectory,
            ["Publishing:PublicBaseUrl"] = "https://feeds.example.org/",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 11, 8, 3, 0, 0, TimeSpan.Zero)))
            .AddSingleton(store)
            .AddSingleton<CurrentSources>(() => FeedSeed.Sources)
            .AddFakeLogging()
            .AddPublishing(configuration)
            .AddFeedServing()
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

        public Task SaveListPageAsync(Uri url, FetchValidators validators, int status, DateTimeOffset at, ListPageLinks links, CancellationToken cancellationToken) => inner.SaveListPageAsync(url, validators, status, at, links, cancellationToken);

        public Task<ListPageLinks?> GetListPageLinksAsync(Uri url, CancellationToken cancellationToken) => inner.GetListPageLinksAsync(url, cancellationToken);

        public Task<ArticleHistory?> GetArticleHistoryAsync(string id, CancellationToken cancellationToken) => inner.GetArticleHistoryAsync(id, cancellationToken);

        public Task<IReadOnlyList<ArticleCorrection>> GetCorrectionsAsync(string? sourceId, int limit, CancellationToken cancellationToken) => inner.GetCorrectionsAsync(sourceId, limit, cancellationToken);
        public Task<IReadOnlyList<StoredWeather>> GetWeatherAsync(string? sourceId, int limit, CancellationToken cancellationToken) => inner.GetWeatherAsync(sourceId, limit, cancellationToken);
        public Task<long> GetChangeVersionAsync(CancellationToken cancellationToken) => inner.GetChangeVersionAsync(cancellationToken);
        public Task<IReadOnlyDictionary<string, long>> GetSourceChangeVersionsAsync(CancellationToken cancellationToken) => inner.GetSourceChangeVersionsAsync(cancellationToken);
        public Task SaveSourceStatusAsync(SourceStatus status, CancellationToken cancellationToken) => inner.SaveSourceStatusAsync(status, cancellationToken);
        public Task SaveDriftAsync(string sourceId, IReadOnlyList<LearnedSelector> learned, CancellationToken cancellationToken) => inner.SaveDriftAsync(sourceId, learned, cancellationToken);

        public Task<IReadOnlyDictionary<string, IReadOnlyList<LearnedSelector>>> GetLearnedSelectorsAsync(CancellationToken cancellationToken) => inner.GetLearnedSelectorsAsync(cancellationToken);
        public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetDriftAsync(CancellationToken cancellationToken) => inner.GetDriftAsync(cancellationToken);
        public Task RecordRunAsync(string sourceId, DateTimeOffset startedAt, int failedPages, string? lastError, CancellationToken cancellationToken) => inner.RecordRunAsync(sourceId, startedAt, failedPages, lastError, cancellationToken);
        public Task<IReadOnlyList<SourceStatus>> GetSourceStatusesAsync(CancellationToken cancellationToken) => inner.GetSourceStatusesAsync(cancellationToken);
        public Task<PruneResult> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.PruneAsync(now, cancellationToken);
        public Task<IReadOnlyList<FurniturePage>> GetFurniturePagesAsync(string sourceId, CancellationToken cancellationToken) => inner.GetFurniturePagesAsync(sourceId, cancellationToken);
        public Task SaveFurniturePageAsync(string sourceId, FurniturePage page, CancellationToken cancellationToken) => inner.SaveFurniturePageAsync(sourceId, page, cancellationToken);
    }
}
