using System.ComponentModel.DataAnnotations;

namespace NewsFeedWorker.Hosting;

/// <summary>The <c>Worker</c> settings section: where things live and how the host behaves.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>The sources file (relative paths are from the working directory).</summary>
    [Required]
    public string SourcesFile { get; set; } = "config/sources.json";

    /// <summary>SQLite file, feed exports, state and logs go here (relative paths are from the working directory).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>How long after first sight an article is re-checked, unless the source sets <c>recheckWindow</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan RecheckWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Run every source once right after start (and when it is added), not only at its next cron time.</summary>
    public bool RunOnStart { get; set; } = true;

    /// <summary>Watch the sources file and apply edits without a restart.</summary>
    public bool WatchSourcesFile { get; set; } = true;

    /// <summary>Quiet time after the last change to the sources file before it is re-read (editors write in bursts).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long shutdown waits for running jobs after cancelling them.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Pages parsed at once over all sources; 0 (the default) means one per processor. Parsing is CPU-bound, so more
    /// parses than cores only hold more pages and DOMs in memory at the same time (see docs/benchmarks.md §2).
    /// </summary>
    [Range(0, 256)]
    public int MaxConcurrentParses { get; set; }

    /// <summary>
    /// After this long without a page parsed (and again after each busy spell), the worker runs one compacting
    /// garbage collection that hands free memory back to the operating system, so an idle worker between cycles
    /// keeps a small footprint. Zero turns it off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan IdleTrimDelay { get; set; } = TimeSpan.FromSeconds(5);

    public string SourcesFilePath => Path.GetFullPath(SourcesFile);

    public string DataDirectoryPath => Path.GetFullPath(DataDirectory);
}
