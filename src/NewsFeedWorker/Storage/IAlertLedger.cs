namespace NewsFeedWorker.Storage;

/// <summary>
/// Alert deliveries in the store (SQLite and PostgreSQL alike): recorded once per topic, story and target whatever
/// node or restart sees the story, claimed by one node at a time for a lease, and marked sent or failed.
/// </summary>
public interface IAlertLedger
{
    /// <summary>When the store first saw the topic (recorded now when new): stories seen earlier are never alerted.</summary>
    Task<DateTimeOffset> GetTopicSinceAsync(string topicId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records deliveries not recorded yet (by id); returns how many were new.</summary>
    Task<int> EnqueueAlertsAsync(IReadOnlyList<AlertDelivery> deliveries, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="ids"/> are recorded (pending or sent).</summary>
    Task<IReadOnlySet<string>> GetRecordedAlertIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Due deliveries (pending, next attempt reached, no live lease), each now leased to <paramref name="node"/>.</summary>
    Task<IReadOnlyList<AlertDelivery>> ClaimDueAlertsAsync(string node, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    Task MarkAlertSentAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    Task MarkAlertFailedAsync(string id, string reason, DateTimeOffset at, DateTimeOffset nextAttempt, CancellationToken cancellationToken);

    /// <summary>Targets with failed deliveries still pending, worst first.</summary>
    Task<IReadOnlyList<AlertTargetState>> GetFailingAlertTargetsAsync(CancellationToken cancellationToken);

    /// <summary>Every delivery of a topic (newest first), for tests and the CLI.</summary>
    Task<IReadOnlyList<(AlertDelivery Delivery, string Status)>> GetAlertsAsync(string topicId, int limit, CancellationToken cancellationToken);

    /// <summary>Forgets sent deliveries older than <paramref name="before"/> (their stories are past the near-duplicate window).</summary>
    Task<int> ForgetSentAlertsAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
