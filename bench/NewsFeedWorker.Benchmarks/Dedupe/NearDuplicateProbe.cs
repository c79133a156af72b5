using System.Data.Common;
using System.Reflection;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>
/// Calls the store's own near-duplicate lookup (the private <c>FindNearDuplicateAsync</c> that
/// <c>SaveArticleAsync</c> runs for every new article) so that exactly the product's query is timed, without the
/// insert around it. Reflection because the store exposes the lookup only inside a save; if the method changes
/// shape, this fails loudly instead of timing a copy of old SQL.
/// </summary>
internal sealed class NearDuplicateProbe
{
    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;

    private static readonly MethodInfo Find = typeof(RelationalFeedStore).GetMethod("FindNearDuplicateAsync", Private)
        ?? throw new MissingMethodException(nameof(RelationalFeedStore), "FindNearDuplicateAsync");

    private static readonly MethodInfo Open = typeof(RelationalFeedStore).GetMethod("OpenConnectionAsync", Private)
        ?? throw new MissingMethodException(nameof(RelationalFeedStore), "OpenConnectionAsync");

    private readonly RelationalFeedStore store;
    private readonly DbConnection connection;
    private readonly DbTransaction transaction;

    private NearDuplicateProbe(RelationalFeedStore store, DbConnection connection, DbTransaction transaction)
    {
        this.store = store;
        this.connection = connection;
        this.transaction = transaction;
    }

    public static async Task<NearDuplicateProbe> OpenAsync(RelationalFeedStore store, CancellationToken cancellationToken)
    {
        var connection = await (Task<DbConnection>)Open.Invoke(store, [cancellationToken])!;
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        return new NearDuplicateProbe(store, connection, transaction);
    }

    /// <summary>The stored article the store links the fingerprint to, or null; the lookup as the store runs it.</summary>
    public async Task<NearDuplicateHit?> FindAsync(string sourceId, string canonicalUrl, ulong fingerprint, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var task = (Task)Find.Invoke(store, [connection, transaction, sourceId, canonicalUrl, fingerprint, seenAt, cancellationToken])!;
        await task;
        var link = task.GetType().GetProperty("Result")!.GetValue(task);
        if (link is null)
        {
            return null;
        }

        var type = link.GetType();
        return new NearDuplicateHit((string)type.GetProperty("Id")!.GetValue(link)!, (int)type.GetProperty("Distance")!.GetValue(link)!);
    }

    public async ValueTask CloseAsync()
    {
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
