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
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a free slot and for the host's quiet period; dispose the lease when the exchange ends.</summary>
    public async Task<IDisposable> EnterAsync(string host, PolitenessSettings? settings, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var limit = settings?.MaxConcurrency ?? current.MaxConcurrencyPerHost;
        var delay = settings?.Delay ?? current.DelayBetweenRequests;
        var gate = _gates.GetOrAdd(host, _ => new HostGate(Math.Max(1, limit)));

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
        private long _nextAllowedTicks = DateTimeOffset.MinValue.UtcTicks;

        public SemaphoreSlim Slots { get; } = new(limit, limit);

        public DateTimeOffset NextAllowed => new(Interlocked.Read(ref _nextAllowedTicks), TimeSpan.Zero);

        public void PushNextAllowed(DateTimeOffset next)
        {
            long seen;
            do
            {
                seen = Interlocked.Read(ref _nextAllowedTicks);
                if (next.UtcTicks <= seen)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref _nextAllowedTicks, next.UtcTicks, seen) != seen);
        }
    }

    private sealed class Lease(HostGate gate, TimeSpan delay, TimeProvider timeProvider) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.PushNextAllowed(timeProvider.GetUtcNow() + delay);
                gate.Slots.Release();
            }
        }
    }
}
