using System.ComponentModel.DataAnnotations;

namespace NewsFeedWorker.Publishing;

/// <summary>The "Publishing" settings section: feed sizes, the export folder, the public URL and WebSub.</summary>
public sealed class PublishingOptions
{
    public const string SectionName = "Publishing";

    /// <summary>Items in a feed when the request has no <c>?limit=</c>.</summary>
    [Range(1, 10_000)]
    public int DefaultItemCount { get; set; } = 50;

    /// <summary>The largest <c>?limit=</c> honoured; larger values are clamped.</summary>
    [Range(1, 10_000)]
    public int MaxItemCount { get; set; } = 500;

    /// <summary>Static export folder; relative paths are under <c>Worker:DataDirectory</c>. Default <c>feeds</c>.</summary>
    [Required]
    public string ExportDirectory { get; set; } = "feeds";

    /// <summary>Write the static export on every publish.</summary>
    public bool ExportEnabled { get; set; } = true;

    /// <summary>The URL readers reach this service at (behind a proxy); self links use it. Null: the request's own URL.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Base of the links in exported files when <see cref="PublicBaseUrl"/> is not set.</summary>
    [Required]
    public Uri ExportFallbackBaseUrl { get; set; } = new("http://localhost:8080/");

    /// <summary>WebSub hub: feeds carry <c>rel="hub"</c> and the publisher pings it after each change. Null: off.</summary>
    public Uri? WebSubHubUrl { get; set; }

    /// <summary>How long a request trusts the last change-version check before asking the store again.</summary>
    public TimeSpan VersionCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Least time between the end of one publish the scrape cycle asked for and the start of the next: a request inside
    /// it schedules one publish at its end (so the last change is always exported) instead of publishing again. Zero:
    /// every request publishes (requests made while one runs still share the next).
    /// </summary>
    public TimeSpan MinPublishInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Put a short "수정됨 / updated (time): what changed" note at the top of a corrected article's item content.</summary>
    public bool CorrectionNote { get; set; }

    /// <summary>Title of the combined feed, the index page and the OPML file.</summary>
    [Required]
    public string SiteTitle { get; set; } = "NewsFeedWorker";
}
