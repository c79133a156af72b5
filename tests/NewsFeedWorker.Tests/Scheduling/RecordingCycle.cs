using System.Collections.Concurrent;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Scheduling;

/// <summary>A hand-written cycle: counts runs per source, throws for the ids it is told to, or waits for cancellation.</summary>
internal sealed class RecordingCycle : ISourceCycle
{
    private readonly ConcurrentDictionary<string, int> runs = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> waiters = new();

    public HashSet<string> Throwing { get; } = [];

    public HashSet<string> Blocking { get; } = [];

    public TaskCompletionSource<bool> BlockedRunSawCancellation { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource BlockedRunStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Runs(string sourceId) => this.runs.GetValueOrDefault(sourceId);

    /// <summary>Completes when <paramref name="sourceId"/> has run <paramref name="count"/> times.</summary>
    public Task WaitForRuns(string sourceId, int count) =>
        waiters.GetOrAdd($"{sourceId}#{count}", _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public async Task RunAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        var count = this.runs.AddOrUpdate(source.Id, 1, (_, n) => n + 1);
        waiters.GetOrAdd($"{source.Id}#{count}", _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (Throwing.Contains(source.Id))
        {
            throw new InvalidOperationException($"boom in {source.Id}");
        }

        if (Blocking.Contains(source.Id))
        {
            BlockedRunStarted.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                BlockedRunSawCancellation.TrySetResult(cancellationToken.IsCancellationRequested);
            }
        }
    }
}
