using System.ComponentModel.DataAnnotations;

namespace NewsFeedWorker.Fetching;

/// <summary>The "Fetching" settings section: how hard, how often and how much the worker fetches.</summary>
public sealed class FetchingOptions
{
    public const string SectionName = "Fetching";

    /// <summary>Product token sent in User-Agent and matched against robots.txt groups.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]+$")]
    public string ProductToken { get; set; } = "NewsFeedWorker";

    /// <summary>Where a site operator can find out who is fetching and how to complain; sent in User-Agent.</summary>
    [Required]
    public Uri ContactUrl { get; set; } = new("https://github.com/newsfeedworker/newsfeedworker#contact");

    /// <summary>Bound on one whole fetch of one URL, all retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Bound on one attempt, body included (so a slow drip cannot hold a slot forever).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:30:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt, on network errors, timeouts, 408, 429 and 5xx only.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First back-off delay; it doubles per retry, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest Retry-After the worker waits for; a longer one fails the fetch as rate-limited.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed attempts to one host, within <see cref="CircuitSamplingDuration"/>, that opens its circuit.</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts to one host that must be seen in the sampling window before its circuit can open.</summary>
    [Range(2, 1000)]
    public int CircuitMinimumThroughput { get; set; } = 6;

    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an open circuit fails fetches to that host without sending anything.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Requests in flight to one host at once (a source's Politeness.MaxConcurrency overrides).</summary>
    [Range(1, 64)]
    public int MaxConcurrencyPerHost { get; set; } = 1;

    /// <summary>Gap between the end of one request to a host and the start of the next (per-source override).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DelayBetweenRequests { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest robots.txt Crawl-delay honoured; a site asking for more gets this gap.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxCrawlDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest body accepted, counted after decompression, so a gzip bomb stops here.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Redirects followed per fetch; every hop is checked like the first.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>How long a fetched robots.txt is trusted (RFC 9309 suggests at most 24 hours).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RobotsTxtCacheDuration { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long an unreachable robots.txt (5xx, network error) keeps its host off-limits before a new try.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RobotsTxtErrorCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The User-Agent header: product, version and contact URL, so site owners know who we are.</summary>
    public string UserAgent => $"{ProductToken}/{typeof(FetchingOptions).Assembly.GetName().Version?.ToString(3) ?? "1.0"} (+{ContactUrl})";
}
