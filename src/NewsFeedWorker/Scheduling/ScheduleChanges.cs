namespace NewsFeedWorker.Scheduling;

/// <summary>What one synchronisation of the sources with the scheduler did, by source id.</summary>
public sealed record ScheduleChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Retimed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Retimed.Count == 0;
}
