using System.Collections.Concurrent;

namespace NewsFeedWorker.Publishing;

/// <summary>
/// Values computed once per store version and served from memory until the version moves; computing is serialized
/// so a burst of requests after a change renders a feed once, not once per request.
/// </summary>
/// <param name="sizeOf">Approximate bytes a value holds.</param>
/// <param name="maxBytes">
/// Bound on the bytes held: keys include <c>?limit=</c> and the request's base URL, so clients could otherwise
/// make it grow without end. Past it, entries of older versions go first, then everything.
/// </param>
public sealed class VersionedCache<TKey, TValue>(Func<TValue, long> sizeOf, long maxBytes) : IDisposable
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> entries = new();
    private readonly SemaphoreSlim computing = new(1, 1);
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
        if (entries.TryGetValue(key, out var hit) && hit.Version == version)
        {
            return hit.Value;
        }

        await computing.WaitAsync(cancellationToken);
        try
        {
            if (entries.TryGetValue(key, out hit) && hit.Version == version)
            {
                return hit.Value;
            }

            var value = await compute(cancellationToken);
            var entry = new Entry(version, value, Math.Max(1, sizeOf(value)));
            if (entries.TryRemove(key, out var replaced))
            {
                bytes -= replaced.Size;
            }

            if (bytes + entry.Size > maxBytes)
            {
                Evict(e => e.Version != version);
            }

            if (bytes + entry.Size > maxBytes)
            {
                Evict(_ => true);
            }

            entries[key] = entry;
            bytes += entry.Size;
            return value;
        }
        finally
        {
            computing.Release();
        }
    }

    public void Dispose() => computing.Dispose();

    // Called only while holding the computing lock, like every other write.
    private void Evict(Func<Entry, bool> which)
    {
        foreach (var (key, entry) in entries.Where(e => which(e.Value)).ToList())
        {
            if (entries.TryRemove(key, out _))
            {
                bytes -= entry.Size;
            }
        }
    }

    private sealed record Entry(long Version, TValue Value, long Size);
}
