namespace NewsFeedWorker.Scheduling;

/// <summary>Settings of the "Scheduler" section: single node (in-memory schedule) or a cluster sharing one PostgreSQL.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

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
