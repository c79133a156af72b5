using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;
using NewsFeedWorker.Topics;
using Polly.CircuitBreaker;

namespace NewsFeedWorker.Alerts;

/// <summary>
/// Every <c>Alerts:PollInterval</c>: records one delivery per topic, story and target for stories first seen since the
/// last pass (a near-duplicate from another source belongs to the story already recorded, so it adds nothing), then
/// claims due deliveries for a lease and sends them through the target's resilience pipeline. The store's record is
/// what makes an alert go out once across restarts and cluster nodes; a failed delivery waits and is tried again.
/// </summary>
public sealed partial class AlertDispatcher(
    IFeedStore store,
    IAlertLedger ledger,
    SourceCatalog catalog,
    AlertSender sender,
    AlertPipelines pipelines,
    AlertMetrics metrics,
    IOptionsMonitor<AlertsOptions> options,
    TimeProvider time,
    ILogger<AlertDispatcher> logger) : BackgroundService
{
    /// <summary>Most articles one pass matches (the newest first seen since the watermark).</summary>
    private const int MaxArticlesPerPass = 2000;

    private readonly string node = $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
    private DateTimeOffset? watermark;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.PassFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.CurrentValue.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: record new stories' deliveries, then send what is due. Returns the deliveries sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var topics = catalog.Topics.Where(t => t.Alerts.Count > 0).ToList();
        if (topics.Count == 0)
        {
            // No alerts configured: no query, and no write lock taken on a SQLite store every pass.
            metrics.SetFailingTargets(0);
            return 0;
        }

        var now = time.GetUtcNow();
        await EnqueueAsync(topics, now, cancellationToken);

        var sent = await DeliverAsync(topics, cancellationToken);
        var failing = await ledger.GetFailingAlertTargetsAsync(cancellationToken);
        metrics.SetFailingTargets(failing.Count);
        await ledger.ForgetSentAlertsAsync(now - TimeSpan.FromDays(30), cancellationToken);
        return sent;
    }

    private async Task EnqueueAsync(List<TopicDefinition> topics, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        // A minute of overlap: an article saved in a transaction that committed after the last pass read is not missed.
        var from = watermark is { } last ? last - TimeSpan.FromMinutes(1) : now - settings.CatchUpWindow;
        var articles = (await store.GetArticlesAsync(new ArticleQuery { FirstSeenSince = from, Limit = MaxArticlesPerPass }, cancellationToken))
            .OrderBy(a => a.FirstSeen).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var sources = catalog.Sources;
        var byId = sources.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            var since = await ledger.GetTopicSinceAsync(topic.Id, now, cancellationToken);
            var deliveries = new List<AlertDelivery>();
            foreach (var article in articles.Where(a => a.FirstSeen >= since))
            {
                if (ArticleMatcher.Excluded(byId.GetValueOrDefault(article.SourceId), article) || !ArticleMatcher.Matches(topic, article))
                {
                    continue;
                }

                var story = article.NearDuplicateOf ?? article.Id;
                foreach (var target in topic.Alerts)
                {
                    var id = AlertPayload.DeliveryId(topic.Id, story, target.Describe());
                    if (deliveries.Any(d => d.Id == id))
                    {
                        continue; // the first copy seen in this pass makes the story's alert
                    }

                    deliveries.Add(new AlertDelivery
                    {
                        Id = id,
                        TopicId = topic.Id,
                        StoryId = story,
                        ArticleId = article.Id,
                        Target = target.Describe(),
                        PayloadJson = AlertPayload.Create(id, topic, article, sources),
                        CreatedAt = now,
                    });
                }
            }

            if (await ledger.EnqueueAlertsAsync(deliveries, cancellationToken) is var added and > 0)
            {
                Log.Enqueued(logger, added, topic.Id);
            }
        }

        await EnqueueUpdatesAsync([.. topics.Where(t => t.AlertOnCorrections)], from, now, byId, cancellationToken);
        watermark = now;
    }

    /// <summary>
    /// For topics with <c>alertOnCorrections</c>: one "updated" delivery per material correction seen since
    /// <paramref name="from"/> of an article whose story this topic already alerted to the target (its delivery is
    /// recorded). The id comes from the article and the revision number, so each correction is sent once.
    /// </summary>
    private async Task EnqueueUpdatesAsync(
        List<TopicDefinition> topics, DateTimeOffset from, DateTimeOffset now, Dictionary<string, SourceDefinition> byId, CancellationToken cancellationToken)
    {
        if (topics.Count == 0)
        {
            return;
        }

        var corrections = (await store.GetCorrectionsAsync(null, MaxArticlesPerPass, cancellationToken))
            .Where(c => c.SeenAt >= from).OrderBy(c => c.SeenAt).ThenBy(c => c.ArticleId, StringComparer.Ordinal).ThenBy(c => c.Seq).ToList();
        if (corrections.Count == 0)
        {
            return;
        }

        var current = new Dictionary<string, StoredArticle>(StringComparer.Ordinal);
        foreach (var id in corrections.Select(c => c.ArticleId).Distinct(StringComparer.Ordinal))
        {
            if (await store.GetArticleHistoryAsync(id, cancellationToken) is { } history)
            {
                current[id] = history.Current;
            }
        }

        var sources = catalog.Sources;
        foreach (var topic in topics)
        {
            var since = await ledger.GetTopicSinceAsync(topic.Id, now, cancellationToken);
            var candidates = new List<(AlertDelivery Delivery, string StoryDeliveryId)>();
            foreach (var correction in corrections.Where(c => c.SeenAt >= since))
            {
                if (!current.TryGetValue(correction.ArticleId, out var article)
                    || ArticleMatcher.Excluded(byId.GetValueOrDefault(article.SourceId), article) || !ArticleMatcher.Matches(topic, article))
                {
                    continue;
                }

                var story = article.NearDuplicateOf ?? article.Id;
                foreach (var target in topic.Alerts)
                {
                    var id = AlertPayload.UpdateDeliveryId(topic.Id, article.Id, correction.Seq, target.Describe());
                    candidates.Add((new AlertDelivery
                    {
                        Id = id,
                        TopicId = topic.Id,
                        StoryId = story,
                        ArticleId = article.Id,
                        Target = target.Describe(),
                        PayloadJson = AlertPayload.Create(id, topic, article with { Article = correction.After }, sources, correction: correction),
                        CreatedAt = now,
                    }, AlertPayload.DeliveryId(topic.Id, story, target.Describe())));
                }
            }

            // Only a story already alerted to that target gets an update: a correction alone is not news.
            var alerted = await ledger.GetRecordedAlertIdsAsync([.. candidates.Select(c => c.StoryDeliveryId)], cancellationToken);
            var updates = candidates.Where(c => alerted.Contains(c.StoryDeliveryId)).Select(c => c.Delivery).ToList();
            if (await ledger.EnqueueAlertsAsync(updates, cancellationToken) is var added and > 0)
            {
                Log.EnqueuedUpdates(logger, added, topic.Id);
            }
        }
    }

    private async Task<int> DeliverAsync(List<TopicDefinition> topics, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var sent = 0;
        var due = await ledger.ClaimDueAlertsAsync(node, time.GetUtcNow(), settings.ClaimLease, 50, cancellationToken);
        foreach (var delivery in due)
        {
            var target = topics.FirstOrDefault(t => t.Id == delivery.TopicId)?.Alerts.FirstOrDefault(a => a.Describe() == delivery.Target);
            if (target is null)
            {
                // The topic or target was removed from the sources file: nothing to send it to; it stays pending until
                // the target comes back (the same description, so the same id) or the row is forgotten.
                await ledger.MarkAlertFailedAsync(delivery.Id, "the target is no longer configured", time.GetUtcNow(), time.GetUtcNow() + TimeSpan.FromHours(1), cancellationToken);
                continue;
            }

            try
            {
                await pipelines.For(delivery.Target).ExecuteAsync(
                    async ct => await sender.SendAsync(target, delivery.PayloadJson, ct), cancellationToken);
                await ledger.MarkAlertSentAsync(delivery.Id, time.GetUtcNow(), cancellationToken);
                metrics.Record(delivery.TopicId, target.Kind, "sent");
                Log.Sent(logger, delivery.TopicId, delivery.Target, delivery.StoryId);
                sent++;
            }
            catch (Exception ex) when (ex is AlertSendException or BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
            {
                var wait = settings.FailedRetryDelay * Math.Pow(2, Math.Min(delivery.Attempts, 6));
                var next = time.GetUtcNow() + (wait > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : wait);
                await ledger.MarkAlertFailedAsync(delivery.Id, ex.Message, time.GetUtcNow(), next, cancellationToken);
                metrics.Record(delivery.TopicId, target.Kind, "failed");
                Log.Failed(logger, delivery.TopicId, delivery.Target, ex.Message, next);
            }
        }

        return sent;
    }

    private static partial class Log
    {
        [LoggerMessage(9001, LogLevel.Information, "Recorded {Count} new alerts of topic {TopicId}")]
        public static partial void Enqueued(ILogger logger, int count, string topicId);

        [LoggerMessage(9002, LogLevel.Information, "Alert of topic {TopicId} sent to {Target} (story {StoryId})")]
        public static partial void Sent(ILogger logger, string topicId, string target, string storyId);

        [LoggerMessage(9003, LogLevel.Warning, "Alert of topic {TopicId} to {Target} failed: {Reason}; next try at {NextAttempt}")]
        public static partial void Failed(ILogger logger, string topicId, string target, string reason, DateTimeOffset nextAttempt);

        [LoggerMessage(9005, LogLevel.Information, "Recorded {Count} updated alerts (corrections) of topic {TopicId}")]
        public static partial void EnqueuedUpdates(ILogger logger, int count, string topicId);

        [LoggerMessage(9004, LogLevel.Error, "An alert pass failed; the next pass tries again")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
