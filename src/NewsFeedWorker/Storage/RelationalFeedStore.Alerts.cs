using Dapper;

namespace NewsFeedWorker.Storage;

public abstract partial class RelationalFeedStore : IAlertLedger
{
    private const string AlertColumns =
        "id AS Id, topic_id AS TopicId, story_id AS StoryId, article_id AS ArticleId, target AS Target, payload_json AS PayloadJson, " +
        "created_at AS CreatedAt, attempts AS Attempts, status AS Status";

    public async Task<DateTimeOffset> GetTopicSinceAsync(string topicId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(Command(
            "INSERT INTO alert_topics (topic_id, since) VALUES (@topicId, @now) ON CONFLICT (topic_id) DO NOTHING",
            new { topicId, now = now.ToUnixTimeMilliseconds() }, tx, cancellationToken));
        var since = await connection.ExecuteScalarAsync<long>(Command(
            "SELECT since FROM alert_topics WHERE topic_id = @topicId", new { topicId }, tx, cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return DateTimeOffset.FromUnixTimeMilliseconds(since);
    }

    public async Task<int> EnqueueAlertsAsync(IReadOnlyList<AlertDelivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return 0;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        var added = 0;
        foreach (var d in deliveries)
        {
            added += await connection.ExecuteAsync(Command(
                """
                INSERT INTO alert_deliveries (id, topic_id, story_id, article_id, target, payload_json, status, attempts, created_at, next_attempt_at)
                VALUES (@Id, @TopicId, @StoryId, @ArticleId, @Target, @PayloadJson, 'pending', 0, @created, @created)
                ON CONFLICT (id) DO NOTHING
                """,
                new { d.Id, d.TopicId, d.StoryId, d.ArticleId, d.Target, d.PayloadJson, created = d.CreatedAt.ToUnixTimeMilliseconds() },
                tx, cancellationToken));
        }

        await tx.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<AlertDelivery>> ClaimDueAlertsAsync(
        string node, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var at = now.ToUnixTimeMilliseconds();
        await using var connection = await OpenAsync(cancellationToken);
        var due = (await connection.QueryAsync<string>(Command(
            """
            SELECT id FROM alert_deliveries
            WHERE status = 'pending' AND next_attempt_at <= @at AND (claimed_until IS NULL OR claimed_until < @at)
            ORDER BY created_at, id LIMIT @max
            """,
            new { at, max }, null, cancellationToken))).AsList();
        var claimed = new List<string>();
        foreach (var id in due)
        {
            // The condition is re-checked in the update: of two nodes racing for one row, one updates it, the other none.
            await using var tx = await BeginWriteAsync(connection, cancellationToken);
            var rows = await connection.ExecuteAsync(Command(
                """
                UPDATE alert_deliveries SET claimed_by = @node, claimed_until = @until
                WHERE id = @id AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < @at)
                """,
                new { id, node, at, until = (now + lease).ToUnixTimeMilliseconds() }, tx, cancellationToken));
            await tx.CommitAsync(cancellationToken);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }

        if (claimed.Count == 0)
        {
            return [];
        }

        var claimedRows = await connection.QueryAsync<AlertRow>(Command(
            $"SELECT {AlertColumns} FROM alert_deliveries WHERE {InList("id", "ids")} ORDER BY created_at, id",
            new { ids = claimed.ToArray() }, null, cancellationToken));
        return [.. claimedRows.Select(r => r.ToDelivery())];
    }

    public async Task MarkAlertSentAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(Command(
            "UPDATE alert_deliveries SET status = 'sent', sent_at = @at, attempts = attempts + 1, claimed_until = NULL WHERE id = @id",
            new { id, at = at.ToUnixTimeMilliseconds() }, tx, cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    public async Task MarkAlertFailedAsync(string id, string reason, DateTimeOffset at, DateTimeOffset nextAttempt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(Command(
            """
            UPDATE alert_deliveries SET attempts = attempts + 1, last_error = @error, last_error_at = @at, next_attempt_at = @next,
                claimed_until = NULL
            WHERE id = @id AND status = 'pending'
            """,
            new { id, error = reason, at = at.ToUnixTimeMilliseconds(), next = nextAttempt.ToUnixTimeMilliseconds() }, tx, cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AlertTargetState>> GetFailingAlertTargetsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TargetRow>(Command(
            """
            SELECT target AS Target, COUNT(*) AS Pending, MAX(attempts) AS Attempts, MAX(last_error_at) AS LastErrorAt FROM alert_deliveries
            WHERE status = 'pending' AND attempts > 0 GROUP BY target ORDER BY MAX(attempts) DESC, target
            """, null, null, cancellationToken));
        var states = new List<AlertTargetState>();
        foreach (var row in rows)
        {
            var lastError = await connection.ExecuteScalarAsync<string?>(Command(
                "SELECT last_error FROM alert_deliveries WHERE target = @Target AND status = 'pending' AND attempts > 0 ORDER BY last_error_at DESC LIMIT 1",
                new { row.Target }, null, cancellationToken));
            states.Add(new AlertTargetState(row.Target, (int)row.Pending, (int)row.Attempts, lastError, FromUnix(row.LastErrorAt)));
        }

        return states;
    }

    public async Task<IReadOnlyList<(AlertDelivery Delivery, string Status)>> GetAlertsAsync(string topicId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AlertRow>(Command(
            $"SELECT {AlertColumns} FROM alert_deliveries WHERE topic_id = @topicId ORDER BY created_at DESC, id LIMIT @limit",
            new { topicId, limit }, null, cancellationToken));
        return [.. rows.Select(r => (r.ToDelivery(), r.Status))];
    }

    public async Task<IReadOnlySet<string>> GetRecordedAlertIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return recorded;
        }

        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            recorded.UnionWith(await connection.QueryAsync<string>(Command(
                $"SELECT id FROM alert_deliveries WHERE {InList("id", "ids")}", new { ids = chunk }, null, cancellationToken)));
        }

        return recorded;
    }

    public async Task<int> ForgetSentAlertsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        var removed = await connection.ExecuteAsync(Command(
            "DELETE FROM alert_deliveries WHERE status = 'sent' AND sent_at < @before",
            new { before = before.ToUnixTimeMilliseconds() }, tx, cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return removed;
    }

    // Settable properties, as in StoreRows.cs: SQLite returns every integer as Int64, PostgreSQL INTEGER as Int32.
    private sealed class AlertRow
    {
        public string Id { get; set; } = "";
        public string TopicId { get; set; } = "";
        public string StoryId { get; set; } = "";
        public string ArticleId { get; set; } = "";
        public string Target { get; set; } = "";
        public string PayloadJson { get; set; } = "";
        public long CreatedAt { get; set; }
        public long Attempts { get; set; }
        public string Status { get; set; } = "";

        public AlertDelivery ToDelivery() => new()
        {
            Id = Id,
            TopicId = TopicId,
            StoryId = StoryId,
            ArticleId = ArticleId,
            Target = Target,
            PayloadJson = PayloadJson,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
            Attempts = (int)Attempts,
        };
    }

    private sealed class TargetRow
    {
        public string Target { get; set; } = "";
        public long Pending { get; set; }
        public long Attempts { get; set; }
        public long? LastErrorAt { get; set; }
    }
}
