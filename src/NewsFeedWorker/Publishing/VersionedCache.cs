using System.Collections.Concurrent;

namespace NewsFeedWorker.Publishing;

/// <summary>
/// Values computed once per store version and served from memory until the version moves; computing is serialized
/// so a burst of requests after a change renders a feed once, not once per request.
/// </summary>
public sealed class VersionedCache<TValue> : IDisposable
{
    // Keys include ?limit= and the request's base URL; past this size old entries are dropped wholesale.
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim computing = new(1, 1);

    public async Task<TValue> GetAsync(string key, long version, Func<CancellationToken, Task<TValue>> compute, CancellationToken cancellationToken)
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
            if (entries.Count >= MaxEntries)
            {
                foreach (var old in entries.Where(e => e.Value.Version != version).Select(e => e.Key).ToList())
                {
                    entries.TryRemove(old, out _);
                }

                if (entries.Count >= MaxEntries)
                {
                    entries.Clear();
                }
            }

            entries[key] = new Entry(version, value);
            return value;
        }
        finally
        {
            computing.Release();
        }
    }

    public void Dispose() => computing.Dispose();

    private sealed record Entry(long Version, TValue Value);
}
