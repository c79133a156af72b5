using Microsoft.Extensions.Options;

namespace NewsFeedWorker.Scheduling;

/// <summary>
/// Bounds how many pages are parsed at once over all running source cycles. Parsing is CPU work on a thread-pool
/// thread: more parses than cores only add DOMs, page strings and allocation pressure in memory at the same time,
/// not throughput (the scrape-cycle benchmark ran ten at once on two cores). Fetching stays as parallel as the
/// scheduler runs sources, so the next pages are on their way while these are parsed.
/// </summary>
public sealed class ParseGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private long _completed;

    public ParseGate(IOptions<SchedulerOptions> options)
        : this(options.Value.MaxConcurrentParses)
    {
    }

    /// <param name="limit">Parses allowed at once; 0 means one per processor.</param>
    public ParseGate(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        Limit = limit == 0 ? Environment.ProcessorCount : limit;
        _slots = new SemaphoreSlim(Limit, Limit);
    }

    /// <summary>Parses allowed at once.</summary>
    public int Limit { get; }

    /// <summary>Parses finished since start (the idle memory trim watches it to tell a busy worker from a quiet one).</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Parses running now.</summary>
    public int Running => Limit - _slots.CurrentCount;

    /// <summary>Runs <paramref name="parse"/> once a slot is free, on the caller's thread.</summary>
    public async Task<T> RunAsync<T>(Func<T> parse, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return parse();
        }
        finally
        {
            Interlocked.Increment(ref _completed);
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
