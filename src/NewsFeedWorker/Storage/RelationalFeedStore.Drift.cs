using Dapper;

namespace NewsFeedWorker.Storage;

/// <summary>Drift detection's memory per source (migration 9) and the warnings in force (migration 8).</summary>
public abstract partial class RelationalFeedStore
{
    public async Task SaveDriftAsync(string sourceId, IReadOnlyList<LearnedSelector> learned, CancellationToken cancellationToken)
    {
        var warned = learned.Where(l => l.Warning is not null).ToList();
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(Command("DELETE FROM drift_baseline WHERE source_id = @sourceId", new { sourceId }, tx, cancellationToken));
        if (learned.Count > 0)
        {
            await connection.ExecuteAsync(Command(
                """
                INSERT INTO drift_baseline (source_id, field, selector, filled, pages, warning, warned_since)
                VALUES (@sourceId, @field, @selector, @filled, @pages, @warning, @warnedSince)
                """,
                learned.Select(l => new
                {
                    sourceId, field = l.Field, selector = l.Selector, filled = (long)l.Filled, pages = (long)l.Pages,
                    warning = l.Warning, warnedSince = l.WarnedSince?.ToUnixTimeMilliseconds(),
                }),
                tx, cancellationToken));
        }

        // The summary `sources` and workers of older versions read: the warning lines, stamped with the newest one's start.
        await connection.ExecuteAsync(Command(
            warned.Count == 0
                ? "DELETE FROM source_drift WHERE source_id = @sourceId"
                : """
                  INSERT INTO source_drift (source_id, warnings, updated_at) VALUES (@sourceId, @lines, @at)
                  ON CONFLICT (source_id) DO UPDATE SET warnings = excluded.warnings, updated_at = excluded.updated_at
                  """,
            new
            {
                sourceId,
                lines = string.Join('\n', warned.Select(w => w.Warning)),
                at = warned.Count == 0 ? 0 : warned.Max(w => w.WarnedSince ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds(),
            },
            tx, cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetDriftAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string SourceId, string Warnings)>(Command(
            "SELECT source_id AS SourceId, warnings AS Warnings FROM source_drift", null, null, cancellationToken));
        return rows.ToDictionary(r => r.SourceId, r => (IReadOnlyList<string>)r.Warnings.Split('\n'), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<LearnedSelector>>> GetLearnedSelectorsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string SourceId, string Field, string Selector, long Filled, long Pages, string? Warning, long? WarnedSince)>(Command(
            """
            SELECT source_id AS SourceId, field AS Field, selector AS Selector, filled AS Filled, pages AS Pages, warning AS Warning, warned_since AS WarnedSince
            FROM drift_baseline ORDER BY source_id, field
            """,
            null, null, cancellationToken));
        return rows.GroupBy(r => r.SourceId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<LearnedSelector>)[.. g.Select(r => new LearnedSelector(r.Field, r.Selector, (int)r.Filled, (int)r.Pages)
            {
                Warning = r.Warning,
                WarnedSince = r.WarnedSince is { } since ? DateTimeOffset.FromUnixTimeMilliseconds(since) : null,
            })],
            StringComparer.Ordinal);
    }
}
