using System.ComponentModel.DataAnnotations;

namespace NewsFeedWorker.Alerts;

/// <summary>The <c>Alerts</c> section: how often new stories are looked for, how deliveries are retried, the SMTP server.</summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    /// <summary>How often stored articles are matched against the topics and due alerts sent.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After a start, stories first seen this long ago are still alerted (an outage is caught up).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a node owns a delivery it is sending; a node killed mid-send leaves it to others after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries of one delivery inside one pass (exponential backoff from <see cref="RetryDelay"/>).</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time limit of one attempt (HTTP request or SMTP session).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A delivery that failed all its retries is tried again after this, doubled per failed pass up to an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FailedRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a target's circuit stays open after repeated failures (other targets are unaffected).</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromMinutes(1);

    public SmtpSettings Smtp { get; set; } = new();
}
