using System.Globalization;
using Dapper;
using NewsFeedWorker.Parsing.Furniture;

namespace NewsFeedWorker.Storage;

public abstract partial class RelationalFeedStore
{
    public async Task<IReadOnlyList<FurniturePage>> GetFurniturePagesAsync(string sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Url, string Blocks, long SeenAt)>(Command(
            "SELECT url, blocks, seen_at FROM furniture_pages WHERE source_id = @sourceId ORDER BY seen_at DESC, url LIMIT @limit",
            new { sourceId, limit = FurnitureLedger.Capacity }, null, cancellationToken));
        return [.. rows.Reverse().Select(r => new FurniturePage(new Uri(r.Url), ParseBlocks(r.Blocks), DateTimeOffset.FromUnixTimeMilliseconds(r.SeenAt)))];
    }

    public async Task SaveFurniturePageAsync(string sourceId, FurniturePage page, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(Command(
            """
            INSERT INTO furniture_pages (source_id, url, seen_at, blocks) VALUES (@sourceId, @url, @seenAt, @blocks)
            ON CONFLICT (source_id, url) DO UPDATE SET seen_at = excluded.seen_at, blocks = excluded.blocks
            """,
            new { sourceId, url = page.Url.AbsoluteUri, seenAt = page.SeenAt.ToUnixTimeMilliseconds(), blocks = FormatBlocks(page.Blocks) },
            tx, cancellationToken));

        // Only the latest pages teach anything the ledger uses; older ones would only grow the table.
        await connection.ExecuteAsync(Command(
            """
            DELETE FROM furniture_pages WHERE source_id = @sourceId AND seen_at < (
                SELECT seen_at FROM furniture_pages WHERE source_id = @sourceId ORDER BY seen_at DESC LIMIT 1 OFFSET @last)
            """,
            new { sourceId, last = FurnitureLedger.Capacity - 1 }, tx, cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    private static string FormatBlocks(IReadOnlyList<ulong> blocks) =>
        string.Join(' ', blocks.Select(b => b.ToString("x16", CultureInfo.InvariantCulture)));

    private static List<ulong> ParseBlocks(string blocks) =>
        [.. blocks.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(b => ulong.Parse(b, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture))];
}
