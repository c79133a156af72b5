using System.Collections.Concurrent;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>
/// Values computed once per store version and served from memory until the version moves. Computing is serialized per
/// key, so a burst of requests after a change renders a feed once, not once per request; a miss on one key never
/// waits behind the computation of another (a client asking for many <c>?limit=</c> variants held up every reader).
/// </summary>
/// <param name="sizeOf">Approximate bytes a value holds.</param>
/// <param name="maxBytes">
/// Bound on the bytes held: keys include <c>?limit=</c>, so clients could otherwise make it grow without end. Past it,
/// entries of older versions go first, then everything.
/// </param>
public sealed class VersionedCache<TKey, TValue>(Func<TValue, long> sizeOf, long maxBytes) : IDisposable
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> entries = new();
    private readonly ConcurrentDictionary<TKey, Task<Entry>> computing = new();
    private readonly Lock bookkeeping = new();
    private long bytes;

    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>The value for this version if it is already there: the per-request path, with no task to allocate.</summary>
    public bool TryGet(TKey key, long version, out TValue value)
    {
        if (entries.TryGetValue(key, out var hit) && hit.Version == version)
        {
            value = hit.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public async Task<TValue> GetAsync(TKey key, long version, Func<CancellationToken, Task<TValue>> compute, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (entries.TryGetValue(key, out var hit) && hit.Version == version)
            {
                return hit.Value;
            }

            var mine = new TaskCompletionSource<Entry>(TaskCreationOptions.RunContinuationsAsynchronously);
            var running = computing.GetOrAdd(key, mine.Task);
            if (running != mine.Task)
            {
                // Someone computes this key: wait for it, then look again (it may have been an older version, or failed).
                try
                {
                    var entry = await running.WaitAsync(cancellationToken);
                    if (entry.Version == version)
                    {
                        return entry.Value;
                    }
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // That request's failure or cancellation is not this one's: compute again.
                }

                continue;
            }

            try
            {
                var value = await compute(cancellationToken);
                var entry = new Entry(version, value, Math.Max(1, sizeOf(value)));
                Keep(key, entry);
                mine.SetResult(entry);
                return value;
            }
            catch (Exception ex)
            {
                mine.SetException(ex);
                _ = mine.Task.Exception; // observed: a waiter retries rather than rethrows it
                throw;
            }
            finally
            {
                computing.TryRemove(KeyValuePair.Create(key, mine.Task));
            }
        }
    }

    public void Dispose()
    {
    }

    private void Keep(TKey key, Entry entry)
    {
        lock (bookkeeping)
        {
            if (entries.TryRemove(key, out var replaced))
            {
                Interlocked.Add(ref bytes, -replaced.Size);
            }

            if (Bytes + entry.Size > maxBytes)
            {
                Evict(e => e.Version != entry.Version);
            }

            if (Bytes + entry.Size > maxBytes)
            {
                Evict(_ => true);
            }

            entries[key] = entry;
            Interlocked.Add(ref bytes, entry.Size);
        }
    }

    // Called only while holding the bookkeeping lock, like every other write.
    private void Evict(Func<Entry, bool> which)
    {
        foreach (var (key, entry) in entries.Where(e => which(e.Value)).ToList())
        {
            if (entries.TryRemove(key, out _))
            {
                Interlocked.Add(ref bytes, -entry.Size);
            }
        }
    }

    private sealed record Entry(long Version, TValue Value, long Size);
}
