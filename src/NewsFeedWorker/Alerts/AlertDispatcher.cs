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
        var now = time.GetUtcNow();
        if (topics.Count > 0)
        {
            await EnqueueAsync(topics, now, cancellationToken);
        }

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

        watermark = now;
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

        [LoggerMessage(9004, LogLevel.Error, "An alert pass failed; the next pass tries again")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
