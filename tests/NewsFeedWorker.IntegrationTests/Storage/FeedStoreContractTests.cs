using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.IntegrationTests.Storage;

/// <summary>
/// The one suite both backends pass. Each subclass gives every test a fresh database (a temporary SQLite file,
/// a new PostgreSQL database); <see cref="NewStore"/> opens another store on the same database, as a second
/// process would.
/// </summary>
public abstract partial class FeedStoreContractTests : IAsyncLifetime
{
    private readonly List<RelationalFeedStore> stores = [];
    private readonly CancellationTokenSource hangGuard = new(TimeSpan.FromMinutes(3));

    protected FakeTimeProvider Time { get; } = new(Some.Start);

    protected FakeLogCollector Logs { get; } = new();

    protected abstract StorageProvider Provider { get; }

    /// <summary>Set by the subclass in <see cref="CreateDatabaseAsync"/>.</summary>
    protected string ConnectionString { get; set; } = "";

    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync() => await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        await DropDatabaseAsync();
        hangGuard.Dispose();
    }

    protected RelationalFeedStore NewStore(Action<StorageOptions>? configure = null)
    {
        var options = new StorageOptions { Provider = Provider, ConnectionString = ConnectionString };
        configure?.Invoke(options);
        RelationalFeedStore store = Provider == StorageProvider.Postgres
            ? new PostgresFeedStore(options, Time, new FakeLogger<PostgresFeedStore>(Logs))
            : new SqliteFeedStore(options, Time, new FakeLogger<SqliteFeedStore>(Logs));
        stores.Add(store);
        return store;
    }

    /// <summary>A guard against a hung test, not a time assertion.</summary>
    protected CancellationToken Ct => hangGuard.Token;

    protected async Task<IReadOnlyList<StoredArticle>> AllOf(IFeedStore store, string sourceId) =>
        await store.GetArticlesAsync(new ArticleQuery { SourceId = sourceId, Limit = 100_000 }, Ct);
}
