using System.ComponentModel.DataAnnotations;

namespace NewsFeedWorker.Scheduling;

/// <summary>
/// Settings of the "Scheduler" section (single node, or a cluster sharing one PostgreSQL) and the scheduling keys of
/// the "Worker" section (when sources run, how often articles are re-checked, how many pages parse at once).
/// </summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>The section of the keys below that predate this class; they stay where users wrote them.</summary>
    public const string WorkerSectionName = "Worker";

    /// <summary><c>Worker:RecheckWindow</c>: how long after first sight an article is re-checked, unless the source sets <c>recheckWindow</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan RecheckWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary><c>Worker:RunOnStart</c>: run every source once right after start (and when it is added), not only at its next cron time.</summary>
    public bool RunOnStart { get; set; } = true;

    /// <summary>
    /// <c>Worker:MaxConcurrentParses</c>: pages parsed at once over all sources; 0 (the default) means one per processor.
    /// Parsing is CPU-bound, so more parses than cores only hold more pages and DOMs in memory at the same time (see
    /// docs/benchmarks.md §2).
    /// </summary>
    [Range(0, 256)]
    public int MaxConcurrentParses { get; set; }

    /// <summary>
    /// Share one schedule among several workers through Quartz's clustered job store in the PostgreSQL database of
    /// <c>Storage:ConnectionString</c> (requires <c>Storage:Provider</c> = <c>Postgres</c>).
    /// </summary>
    public bool Clustered { get; set; }

    /// <summary>How often a node tells the others it is alive.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long past a missed check-in the others wait before declaring a node dead and recovering its jobs. Too short
    /// and a node that is merely slow (GC, a loaded machine) has its running cycles started a second time elsewhere.
    /// </summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Cluster mode: how late a firing may be before it counts as misfired (then it runs once, see the misfire policy).
    /// Shorter than Quartz's 60 s so a node catching up after a pause does not replay a minute of firings back to back.
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Prefix of Quartz's tables in the shared database.</summary>
    public string TablePrefix { get; set; } = "qrtz_";
}
