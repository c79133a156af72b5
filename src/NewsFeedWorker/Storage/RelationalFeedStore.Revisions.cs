using Dapper;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Storage;

public abstract partial class RelationalFeedStore
{
    public async Task<ArticleHistory?> GetArticleHistoryAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ArticleRow>(Command(
            $"SELECT {ArticleColumns} FROM articles WHERE id = @id", new { id }, null, cancellationToken));
        if (row is null)
        {
            return null;
        }

        var revisions = await connection.QueryAsync<RevisionRow>(Command(
            """
            SELECT article_id AS ArticleId, source_id AS SourceId, seq AS Seq, seen_at AS SeenAt, replaced_at AS ReplacedAt,
                changed AS Changed, article_json AS ArticleJson
            FROM article_revisions WHERE article_id = @id ORDER BY seq
            """,
            new { id }, null, cancellationToken));
        var current = ToStored(row, await FindRelatedAsync(connection, [row], cancellationToken));
        return new ArticleHistory(current, [.. revisions.Select(r => new ArticleRevision(
            r.Seq, DateTimeOffset.FromUnixTimeMilliseconds(r.SeenAt), DateTimeOffset.FromUnixTimeMilliseconds(r.ReplacedAt),
            Fields(r.Changed), StoreJson.Deserialize<Article>(r.ArticleJson)))]);
    }

    public async Task<IReadOnlyList<ArticleCorrection>> GetCorrectionsAsync(string? sourceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // The version after revision n is revision n + 1, or the article itself for the last one.
        var rows = await connection.QueryAsync<RevisionRow>(Command(
            $"""
            SELECT r.article_id AS ArticleId, r.source_id AS SourceId, r.seq AS Seq, r.seen_at AS SeenAt, r.replaced_at AS ReplacedAt,
                r.changed AS Changed, r.article_json AS ArticleJson, COALESCE(n.article_json, a.article_json) AS AfterJson
            FROM article_revisions r
            JOIN articles a ON a.id = r.article_id
            LEFT JOIN article_revisions n ON n.article_id = r.article_id AND n.seq = r.seq + 1
            {(sourceId is null ? "" : "WHERE r.source_id = @sourceId")}
            ORDER BY r.replaced_at DESC, r.article_id, r.seq DESC
            LIMIT @limit
            """,
            new { sourceId, limit = Math.Max(0, limit) }, null, cancellationToken));
        return [.. rows.Select(r => new ArticleCorrection(
            r.ArticleId, r.SourceId, r.Seq, DateTimeOffset.FromUnixTimeMilliseconds(r.ReplacedAt), Fields(r.Changed),
            StoreJson.Deserialize<Article>(r.ArticleJson), StoreJson.Deserialize<Article>(r.AfterJson)))];
    }

    private static string[] Fields(string changed) => changed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
