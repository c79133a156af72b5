using Microsoft.Extensions.Options;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>
/// The store's change version, asked at most once per <see cref="PublishingOptions.VersionCheckInterval"/> (or right after
/// <see cref="Invalidate"/>): polling readers cost one cheap query per interval, and a node that did not write still sees
/// another node's changes through the shared number.
/// </summary>
public sealed class ChangeVersionGate(IFeedStore store, TimeProvider time, IOptions<PublishingOptions> options) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private long version;
    private long checkedAt;
    private volatile bool stale = true;

    /// <summary>Forces the next read to ask the store (called after this node wrote).</summary>
    public void Invalidate() => stale = true;

    public async ValueTask<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        if (IsFresh())
        {
            return Interlocked.Read(ref version);
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (IsFresh())
            {
                return Interlocked.Read(ref version);
            }

            // Clear the flag before asking, so an Invalidate() racing with the query forces one more check.
            stale = false;
            var current = await store.GetChangeVersionAsync(cancellationToken);
            Interlocked.Exchange(ref version, current);
            Interlocked.Exchange(ref checkedAt, time.GetTimestamp());
            return current;
        }
        catch
        {
            stale = true;
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private bool IsFresh() =>
        !stale && time.GetElapsedTime(Interlocked.Read(ref checkedAt)) < options.Value.VersionCheckInterval;
}
