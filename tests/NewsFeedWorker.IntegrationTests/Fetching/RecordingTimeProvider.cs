using System.Collections.Concurrent;

namespace NewsFeedWorker.IntegrationTests.Fetching;

/// <summary>The system clock, but it remembers every timer asked for, so a test can check which waits were requested.</summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> timers = new();

    public IReadOnlyCollection<TimeSpan> RequestedTimers => timers;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        timers.Enqueue(dueTime);
        return System.CreateTimer(callback, state, dueTime, period);
    }
}
