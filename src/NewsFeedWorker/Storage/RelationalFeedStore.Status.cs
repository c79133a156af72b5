using Dapper;

namespace NewsFeedWorker.Storage;

public abstract partial class RelationalFeedStore
{
    public async Task SaveSourceStatusAsync(SourceStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(Command(
            """
            INSERT INTO source_status (source_id, last_run, last_success, last_error_at, last_error, consecutive_failures, failed_pages)
            VALUES (@sourceId, @lastRun, @lastSuccess, @lastErrorAt, @lastError, @failures, @failedPages)
            ON CONFLICT (source_id) DO UPDATE SET last_run = excluded.last_run, last_success = excluded.last_success,
                last_error_at = excluded.last_error_at, last_error = excluded.last_error, consecutive_failures = excluded.consecutive_failures,
                failed_pages = excluded.failed_pages
            """,
            new
            {
                sourceId = status.SourceId,
                lastRun = status.LastRun?.ToUnixTimeMilliseconds(),
                lastSuccess = status.LastSuccess?.ToUnixTimeMilliseconds(),
                lastErrorAt = status.LastErrorAt?.ToUnixTimeMilliseconds(),
                lastError = status.LastError,
                failures = status.ConsecutiveFailures,
                failedPages = status.FailedPages,
            },
            tx, cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// One upsert: the run's time and failed pages, with the last success or last error and the run of consecutive
    /// failures carried on from the stored row by the database rather than read back first.
    /// </summary>
    public async Task RecordRunAsync(string sourceId, DateTimeOffset startedAt, int failedPages, string? lastError, CancellationToken cancellationToken)
    {
        var at = startedAt.ToUnixTimeMilliseconds();
        var failed = failedPages > 0;
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(Command(
            """
            INSERT INTO source_status (source_id, last_run, last_success, last_error_at, last_error, consecutive_failures, failed_pages)
            VALUES (@sourceId, @at, @lastSuccess, @lastErrorAt, @lastError, @failures, @failedPages)
            ON CONFLICT (source_id) DO UPDATE SET last_run = excluded.last_run,
                last_success = COALESCE(excluded.last_success, source_status.last_success),
                last_error_at = COALESCE(excluded.last_error_at, source_status.last_error_at),
                last_error = CASE WHEN excluded.failed_pages > 0 THEN excluded.last_error ELSE source_status.last_error END,
                consecutive_failures = CASE WHEN excluded.failed_pages > 0 THEN source_status.consecutive_failures + 1 ELSE 0 END,
                failed_pages = excluded.failed_pages
            """,
            new
            {
                sourceId,
                at,
                lastSuccess = failed ? (long?)null : at,
                lastErrorAt = failed ? at : (long?)null,
                lastError = failed ? lastError : null,
                failures = failed ? 1 : 0,
                failedPages,
            },
            tx, cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Every source with a status or with articles; the counts are computed from the articles now stored.</summary>
    public async Task<IReadOnlyList<SourceStatus>> GetSourceStatusesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var statuses = (await connection.QueryAsync<SourceStatusRow>(Command(
            "SELECT source_id AS SourceId, last_run AS LastRun, last_success AS LastSuccess, last_error_at AS LastErrorAt, " +
            "last_error AS LastError, consecutive_failures AS ConsecutiveFailures, failed_pages AS FailedPages FROM source_status",
            null, null, cancellationToken))).ToDictionary(r => r.SourceId);
        var counts = (await connection.QueryAsync<SourceCountRow>(Command(
            "SELECT source_id AS SourceId, COUNT(*) AS Total, SUM(CASE WHEN first_seen >= @since THEN 1 ELSE 0 END) AS Recent " +
            "FROM articles GROUP BY source_id",
            new { since = (Time.GetUtcNow() - TimeSpan.FromHours(24)).ToUnixTimeMilliseconds() }, null, cancellationToken))).ToDictionary(r => r.SourceId);

        return [.. statuses.Keys.Union(counts.Keys).Order(StringComparer.Ordinal).Select(id =>
        {
            var s = statuses.GetValueOrDefault(id);
            var c = counts.GetValueOrDefault(id);
            return new SourceStatus
            {
                SourceId = id,
                LastRun = FromUnix(s?.LastRun),
                LastSuccess = FromUnix(s?.LastSuccess),
                LastErrorAt = FromUnix(s?.LastErrorAt),
                LastError = s?.LastError,
                ConsecutiveFailures = s?.ConsecutiveFailures ?? 0,
                FailedPages = s?.FailedPages ?? 0,
                ArticlesLast24h = (int)(c?.Recent ?? 0),
                TotalArticles = (int)(c?.Total ?? 0),
            };
        })];
    }
}
