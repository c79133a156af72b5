using Dapper;

namespace NewsFeedWorker.Storage;

public abstract partial class RelationalFeedStore
{
    public async Task<PruneResult> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = (now - Options.RetentionMaxAge).ToUnixTimeMilliseconds();
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        var victims = (await connection.QueryAsync<VictimRow>(Command(
            """
            SELECT id AS Id, source_id AS SourceId, canonical_url AS CanonicalUrl FROM (
                SELECT id, source_id, canonical_url, first_seen,
                       ROW_NUMBER() OVER (PARTITION BY source_id ORDER BY first_seen DESC, id DESC) AS rn
                FROM articles) ranked
            WHERE rn > @maxItems OR first_seen < @cutoff
            """,
            new { maxItems = Options.RetentionMaxItemsPerSource, cutoff }, tx, cancellationToken))).AsList();

        foreach (var chunk in victims.Chunk(400))
        {
            await connection.ExecuteAsync(Command(
                "INSERT INTO tombstones (source_id, canonical_url, id, pruned_at) VALUES (@SourceId, @CanonicalUrl, @Id, @prunedAt) ON CONFLICT DO NOTHING",
                chunk.Select(v => new { v.SourceId, v.CanonicalUrl, v.Id, prunedAt = nowMs }), tx, cancellationToken));
            await connection.ExecuteAsync(Command($"DELETE FROM articles WHERE {InList("id", "ids")}", new { ids = chunk.Select(v => v.Id).ToArray() }, tx, cancellationToken));
            // Revisions live as long as their article.
            await connection.ExecuteAsync(Command($"DELETE FROM article_revisions WHERE {InList("article_id", "ids")}", new { ids = chunk.Select(v => v.Id).ToArray() }, tx, cancellationToken));
        }

        if (victims.Count > 0)
        {
            // Copies whose first copy is gone stand on their own again, or the combined feed would hide them forever.
            await connection.ExecuteAsync(Command(
                """
                UPDATE articles SET near_duplicate_of = NULL, near_duplicate_distance = NULL
                WHERE near_duplicate_of IS NOT NULL AND NOT EXISTS (SELECT 1 FROM articles o WHERE o.id = articles.near_duplicate_of)
                """,
                null, tx, cancellationToken));
        }

        var tombstonesExpired = await connection.ExecuteAsync(Command(
            "DELETE FROM tombstones WHERE pruned_at < @before",
            new { before = (now - Options.TombstoneLifetime).ToUnixTimeMilliseconds() }, tx, cancellationToken));
        var weatherPruned = await connection.ExecuteAsync(Command(
            "DELETE FROM weather WHERE seen_at < @cutoff", new { cutoff }, tx, cancellationToken));
        if (victims.Count > 0 || weatherPruned > 0)
        {
            await BumpChangeVersionAsync(connection, tx, cancellationToken);
            // Pruning can change any source's feeds (and the related links between them): all count as changed.
            await connection.ExecuteAsync(Command(
                "UPDATE source_changes SET version = (SELECT version FROM change_version WHERE id = 1)", null, tx, cancellationToken));
        }

        await tx.CommitAsync(cancellationToken);
        return new PruneResult(victims.Count, tombstonesExpired, weatherPruned);
    }
}
