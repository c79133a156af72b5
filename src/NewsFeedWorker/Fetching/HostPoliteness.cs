using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Fetching;

/// <summary>
/// Per-host gate: at most N requests in flight and a minimum gap after each one, so no site is hammered.
/// The first settings seen for a host fix its concurrency; the delay is taken per request.
/// </summary>
public sealed class HostPoliteness(IOptionsMonitor<FetchingOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, HostGate> gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Waits for a free slot and for the host's quiet period; dispose the lease when the exchange ends.
    /// <paramref name="crawlDelay"/> (from robots.txt) lengthens the delay, up to <see cref="FetchingOptions.MaxCrawlDelay"/>.
    /// </summary>
    public async Task<IDisposable> EnterAsync(string host, PolitenessSettings? settings, CancellationToken cancellationToken, TimeSpan? crawlDelay = null)
    {
        var current = options.CurrentValue;
        var limit = settings?.MaxConcurrency ?? current.MaxConcurrencyPerHost;
        var delay = settings?.Delay ?? current.DelayBetweenRequests;
        if (crawlDelay is { } asked && asked > delay)
        {
            delay = asked < current.MaxCrawlDelay ? asked : current.MaxCrawlDelay;
        }
        var gate = gates.GetOrAdd(host, _ => new HostGate(Math.Max(1, limit)));

        await gate.Slots.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var wait = gate.NextAllowed - timeProvider.GetUtcNow();
                if (wait <= TimeSpan.Zero)
                {
                    break;
                }

                await Task.Delay(wait, timeProvider, cancellationToken);
            }
        }
        catch
        {
            gate.Slots.Release();
            throw;
        }

        return new Lease(gate, delay, timeProvider);
    }

    private sealed class HostGate(int limit)
    {
        private long nextAllowedTicks = DateTimeOffset.MinValue.UtcTicks;

        public SemaphoreSlim Slots { get; } = new(limit, limit);

        public DateTimeOffset NextAllowed => new(Interlocked.Read(ref nextAllowedTicks), TimeSpan.Zero);

        public void PushNextAllowed(DateTimeOffset next)
        {
            long seen;
            do
            {
                seen = Interlocked.Read(ref nextAllowedTicks);
                if (next.UtcTicks <= seen)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref nextAllowedTicks, next.UtcTicks, seen) != seen);
        }
    }

    private sealed class Lease(HostGate gate, TimeSpan delay, TimeProvider timeProvider) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                gate.PushNextAllowed(timeProvider.GetUtcNow() + delay);
                gate.Slots.Release();
            }
        }
    }
}
