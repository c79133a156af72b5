using Dapper;

namespace NewsFeedWorker.Storage;

/// <summary>The drift warnings in force per source (migration 8).</summary>
public abstract partial class RelationalFeedStore
{
    public async Task SaveDriftAsync(string sourceId, IReadOnlyList<string> warnings, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(Command(
            warnings.Count == 0
                ? "DELETE FROM source_drift WHERE source_id = @sourceId"
                : """
                  INSERT INTO source_drift (source_id, warnings, updated_at) VALUES (@sourceId, @lines, @at)
                  ON CONFLICT (source_id) DO UPDATE SET warnings = excluded.warnings, updated_at = excluded.updated_at
                  """,
            new { sourceId, lines = string.Join('\n', warnings), at = at.ToUnixTimeMilliseconds() },
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
}
