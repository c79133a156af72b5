using Microsoft.Extensions.Options;

namespace NewsFeedWorker.Scheduling;

/// <summary>
/// Bounds how many pages are parsed at once over all running source cycles. Parsing is CPU work on a thread-pool
/// thread: more parses than cores only add DOMs, page strings and allocation pressure in memory at the same time,
/// not throughput (the scrape-cycle benchmark ran ten at once on two cores). Fetching stays as parallel as the
/// scheduler runs sources, so the next pages are on their way while these are parsed.
/// </summary>
/// <remarks>
/// Slots go round-robin over sources, not first come first served: a free slot goes to the waiting source that was
/// granted one longest ago (never counts as longest), so a source whose pages each run out their time budget, and which
/// asks again the moment it is done, cannot hold the slots against a source that is waiting. Within a source, in order.
/// </remarks>
public sealed class ParseGate
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, List<Waiter>> waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> lastGrant = new(StringComparer.Ordinal);
    private int free;
    private int waiters;
    private long grants;
    private long arrivals;
    private long completed;

    public ParseGate(IOptions<SchedulerOptions> options)
        : this(options.Value.MaxConcurrentParses)
    {
    }

    /// <param name="limit">Parses allowed at once; 0 means one per processor.</param>
    public ParseGate(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        Limit = limit == 0 ? Environment.ProcessorCount : limit;
        this.free = Limit;
    }

    /// <summary>Parses allowed at once.</summary>
    public int Limit { get; }

    /// <summary>Parses finished since start (the idle memory trim watches it to tell a busy worker from a quiet one).</summary>
    public long Completed => Interlocked.Read(ref this.completed);

    /// <summary>Parses running now.</summary>
    public int Running
    {
        get
        {
            lock (this.sync)
            {
                return Limit - this.free;
            }
        }
    }

    /// <summary>Parses waiting for a slot now.</summary>
    public int Waiting
    {
        get
        {
            lock (this.sync)
            {
                return this.waiters;
            }
        }
    }

    /// <summary>Runs <paramref name="parse"/> for <paramref name="sourceId"/> once the source's turn gives it a slot, on the caller's thread.</summary>
    public async Task<T> RunAsync<T>(string sourceId, Func<T> parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        await EnterAsync(sourceId, cancellationToken);
        try
        {
            return parse();
        }
        finally
        {
            Interlocked.Increment(ref this.completed);
            Release();
        }
    }

    private Task EnterAsync(string sourceId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (this.sync)
        {
            if (this.free > 0 && this.waiters == 0)
            {
                this.free--;
                this.lastGrant[sourceId] = ++this.grants;
                return Task.CompletedTask;
            }

            waiter = new Waiter(sourceId, ++this.arrivals);
            if (!this.waiting.TryGetValue(sourceId, out var queue))
            {
                this.waiting[sourceId] = queue = [];
            }

            queue.Add(waiter);
            this.waiters++;
        }

        return cancellationToken.CanBeCanceled ? WaitAsync(waiter, cancellationToken) : waiter.Turn.Task;
    }

    private async Task WaitAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
        await waiter.Turn.Task;
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (this.sync)
        {
            // A waiter granted a slot already keeps it: it runs, and its release passes the slot on.
            if (waiter.Turn.TrySetCanceled(cancellationToken) && this.waiting.TryGetValue(waiter.SourceId, out var queue) && queue.Remove(waiter))
            {
                this.waiters--;
                if (queue.Count == 0)
                {
                    this.waiting.Remove(waiter.SourceId);
                }
            }
        }
    }

    private void Release()
    {
        lock (this.sync)
        {
            if (Next() is not { } next)
            {
                this.free++;
                return;
            }

            this.lastGrant[next.SourceId] = ++this.grants;
            next.Turn.SetResult(); // continuations run asynchronously, not under the lock
        }
    }

    /// <summary>Takes the first waiter of the waiting source granted a slot longest ago; ties go to the one waiting longest.</summary>
    private Waiter? Next()
    {
        List<Waiter>? best = null;
        long bestGrant = 0;
        foreach (var (sourceId, queue) in this.waiting)
        {
            var lastGrant = this.lastGrant.GetValueOrDefault(sourceId);
            if (best is null || lastGrant < bestGrant || (lastGrant == bestGrant && queue[0].Arrival < best[0].Arrival))
            {
                best = queue;
                bestGrant = lastGrant;
            }
        }

        if (best is null)
        {
            return null;
        }

        var next = best[0];
        best.RemoveAt(0);
        this.waiters--;
        if (best.Count == 0)
        {
            this.waiting.Remove(next.SourceId);
        }

        return next;
    }

    private sealed class Waiter(string sourceId, long arrival)
    {
        public string SourceId { get; } = sourceId;

        public long Arrival { get; } = arrival;

        public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
