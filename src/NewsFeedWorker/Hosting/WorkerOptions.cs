using System.ComponentModel.DataAnnotations;

namespace NewsFeedWorker.Hosting;

/// <summary>
/// The host's keys of the <c>Worker</c> section: the data directory and how the process behaves. The section also holds
/// keys of other stages, read by their own classes (<see cref="Sources.SourcesOptions"/>, <see cref="Scheduling.SchedulerOptions"/>).
/// </summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>SQLite file, feed exports, state and logs go here (relative paths are from the working directory).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>How long shutdown waits for running jobs after cancelling them.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// After this long without a page parsed (and again after each busy spell), the worker runs one compacting
    /// garbage collection that hands free memory back to the operating system, so an idle worker between cycles
    /// keeps a small footprint. Zero turns it off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan IdleTrimDelay { get; set; } = TimeSpan.FromSeconds(5);

    public string DataDirectoryPath => Path.GetFullPath(DataDirectory);
}
