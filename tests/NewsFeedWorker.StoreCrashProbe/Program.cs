using Microsoft.Extensions.Logging.Abstractions;
using NewsFeedWorker.Storage;
using NewsFeedWorker.StoreCrashProbe;

// Usage: NewsFeedWorker.StoreCrashProbe <Sqlite|Postgres> <connection string> <source id> <count> [revised]
// Saves articles 0..count-1 one transaction each and prints "saved <i> <outcome>" after each commit; with "revised"
// it saves their corrected versions (another title), each a material change that keeps the first as a revision.
if (args.Length is not (4 or 5) || !Enum.TryParse<StorageProvider>(args[0], out var provider) || !int.TryParse(args[3], out var count)
    || (args.Length == 5 && args[4] != "revised"))
{
    await Console.Error.WriteLineAsync("usage: NewsFeedWorker.StoreCrashProbe <Sqlite|Postgres> <connection string> <source id> <count> [revised]");
    return 2;
}

var revised = args.Length == 5;

var options = new StorageOptions { Provider = provider, ConnectionString = args[1] };
await using RelationalFeedStore store = provider == StorageProvider.Postgres
    ? new PostgresFeedStore(options, TimeProvider.System, NullLogger<PostgresFeedStore>.Instance)
    : new SqliteFeedStore(options, TimeProvider.System, NullLogger<SqliteFeedStore>.Instance);
for (var i = 0; i < count; i++)
{
    var article = revised ? ProbeArticles.For(i) with { Title = ProbeArticles.RevisedTitleOf(i) } : ProbeArticles.For(i);
    var result = await store.SaveArticleAsync(args[2], article, TimeProvider.System.GetUtcNow(), CancellationToken.None);
    Console.WriteLine($"saved {i} {result.Outcome}");
}

return 0;
