using Microsoft.Extensions.Logging.Abstractions;
using NewsFeedWorker.Storage;
using NewsFeedWorker.StoreCrashProbe;

// Usage: NewsFeedWorker.StoreCrashProbe <Sqlite|Postgres> <connection string> <source id> <count>
// Saves articles 0..count-1 one transaction each and prints "saved <i> <outcome>" after each commit.
if (args.Length != 4 || !Enum.TryParse<StorageProvider>(args[0], out var provider) || !int.TryParse(args[3], out var count))
{
    await Console.Error.WriteLineAsync("usage: NewsFeedWorker.StoreCrashProbe <Sqlite|Postgres> <connection string> <source id> <count>");
    return 2;
}

var options = new StorageOptions { Provider = provider, ConnectionString = args[1] };
await using RelationalFeedStore store = provider == StorageProvider.Postgres
    ? new PostgresFeedStore(options, TimeProvider.System, NullLogger<PostgresFeedStore>.Instance)
    : new SqliteFeedStore(options, TimeProvider.System, NullLogger<SqliteFeedStore>.Instance);
for (var i = 0; i < count; i++)
{
    var result = await store.SaveArticleAsync(args[2], ProbeArticles.For(i), TimeProvider.System.GetUtcNow(), CancellationToken.None);
    Console.WriteLine($"saved {i} {result.Outcome}");
}

return 0;
