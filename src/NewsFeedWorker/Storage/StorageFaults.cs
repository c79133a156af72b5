namespace NewsFeedWorker.Storage;

/// <summary>
/// The last failed write to the store, kept in memory: a full disk or a read-only database cannot record its own failure
/// in the database, so /health learns of it here. Cleared by the next write that succeeds.
/// </summary>
public sealed class StorageFaults
{
    private readonly Lock gate = new();
    private StorageFault? last;

    /// <summary>The failure, when no write has succeeded since.</summary>
    public StorageFault? Current
    {
        get
        {
            lock (gate)
            {
                return last;
            }
        }
    }

    public void WriteFailed(Exception exception, DateTimeOffset at)
    {
        lock (gate)
        {
            last = new StorageFault(exception.Message, at);
        }
    }

    public void WriteSucceeded()
    {
        lock (gate)
        {
            last = null;
        }
    }

    /// <summary>Exceptions that mean the store itself failed, not the data given to it.</summary>
    public static bool IsStorageFailure(Exception exception) =>
        exception is System.Data.Common.DbException or IOException or TimeoutException;
}
