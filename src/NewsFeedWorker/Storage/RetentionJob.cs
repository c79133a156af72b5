using Quartz;

namespace NewsFeedWorker.Storage;

/// <summary>
/// Prunes old articles on a schedule (every <see cref="StorageOptions.PruneInterval"/>); registered with Quartz by
/// <see cref="StorageServiceCollectionExtensions.AddStorage"/>.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RetentionJob(IFeedStore store, TimeProvider time, ILogger<RetentionJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await store.PruneAsync(time.GetUtcNow(), cancellationToken);
        Log.Pruned(logger, result.ArticlesPruned, result.TombstonesExpired, result.WeatherPruned);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Retention pruned {ArticlesPruned} articles, {TombstonesExpired} expired tombstones and {WeatherPruned} weather snapshots")]
        public static partial void Pruned(ILogger logger, int articlesPruned, int tombstonesExpired, int weatherPruned);
    }
}
