using System.Diagnostics;
using NewsFeedWorker.Sources;
using Quartz;

namespace NewsFeedWorker.Scheduling;

/// <summary>
/// The Quartz job for one source: looks the source up in the catalog (so edits apply on the next run) and runs its cycle.
/// This is the boundary where an unexpected exception is logged once with the source id; the scheduler and the other
/// sources carry on, and the next fire time retries.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class SourceJob(SourceCatalog catalog, ISourceCycle cycle, TimeProvider time, ILogger<SourceJob> logger) : IJob
{
    public const string SourceIdKey = "SourceId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var sourceId = context.MergedJobDataMap.GetString(SourceIdKey) ?? context.JobDetail.Key.Name;
        if (catalog.Find(sourceId) is not { Enabled: true } source)
        {
            Log.SourceGone(logger, sourceId);
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["SourceId"] = sourceId });
        var started = time.GetTimestamp();
        Log.Started(logger, sourceId);
        try
        {
            await cycle.RunAsync(source, cancellationToken);
            Log.Finished(logger, sourceId, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.Cancelled(logger, sourceId, time.GetElapsedTime(started));
            // Rethrown so Quartz records the firing as cancelled, not done: in cluster mode it hands the firing back for
            // another node to run (RecoverFiringsCancelledByShutdown), so a rolling restart loses no cycle.
            throw;
        }
        catch (Exception ex)
        {
            // The job boundary: logged once here, never rethrown, so one broken source cannot affect another.
            Log.Failed(logger, ex, sourceId, time.GetElapsedTime(started));
            context.Result = ex;
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Source {SourceId}: cycle started")]
        public static partial void Started(ILogger logger, string sourceId);

        [LoggerMessage(2, LogLevel.Debug, "Source {SourceId}: cycle finished in {Elapsed}")]
        public static partial void Finished(ILogger logger, string sourceId, TimeSpan elapsed);

        [LoggerMessage(3, LogLevel.Warning, "Source {SourceId}: cycle cancelled after {Elapsed} (shutting down)")]
        public static partial void Cancelled(ILogger logger, string sourceId, TimeSpan elapsed);

        [LoggerMessage(4, LogLevel.Error, "Source {SourceId}: cycle failed after {Elapsed}; the next scheduled run retries")]
        public static partial void Failed(ILogger logger, Exception exception, string sourceId, TimeSpan elapsed);

        [LoggerMessage(5, LogLevel.Information, "Source {SourceId} is no longer configured or enabled; skipping this firing")]
        public static partial void SourceGone(ILogger logger, string sourceId);
    }
}
