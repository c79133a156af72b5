using Microsoft.Extensions.Options;
using NewsFeedWorker.Scheduling;

namespace NewsFeedWorker.Hosting;

/// <summary>
/// Gives memory back between cycles: once no page has been parsed for a whole <see cref="WorkerOptions.IdleTrimDelay"/>
/// after some were (or after start-up), runs one aggressive, compacting collection. The worker is idle most of the
/// time, and without it the heap kept what the busiest moment of the last cycle (or start-up) had committed.
/// </summary>
public sealed partial class IdleMemoryTrimmer : BackgroundService
{
    private readonly ParseGate parses;
    private readonly TimeSpan delay;
    private readonly TimeProvider time;
    private readonly Action trim;

    public IdleMemoryTrimmer(ParseGate parses, IOptions<WorkerOptions> options, TimeProvider time, ILogger<IdleMemoryTrimmer> logger)
        : this(parses, options.Value.IdleTrimDelay, time, () => Trim(logger))
    {
    }

    /// <summary>With the trim as a function, for tests.</summary>
    internal IdleMemoryTrimmer(ParseGate parses, TimeSpan delay, TimeProvider time, Action trim)
    {
        this.parses = parses;
        this.delay = delay;
        this.time = time;
        this.trim = trim;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (this.delay <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(this.delay, this.time);
        long previous = -1, trimmedAt = -1;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var completed = this.parses.Completed;
                // Quiet for a whole interval, and something happened since the last trim.
                if (completed == previous && completed != trimmedAt && this.parses.Running == 0)
                {
                    this.trim();
                    trimmedAt = completed;
                }

                previous = completed;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static void Trim(ILogger logger)
    {
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        // Aggressive: compacts the large-object heap too and decommits the free space instead of keeping it for later.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Log.Trimmed(logger, before / 1048576, GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Idle: garbage collector's committed memory trimmed from {Before} MB to {After} MB")]
        public static partial void Trimmed(ILogger logger, long before, long after);
    }
}
