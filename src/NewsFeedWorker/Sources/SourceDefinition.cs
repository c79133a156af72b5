namespace NewsFeedWorker.Sources;

/// <summary>One site the worker scrapes, as written in <c>config/sources.json</c>.</summary>
public sealed record SourceDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>Quartz cron expression (seconds first), e.g. <c>0 */15 * * * ?</c>.</summary>
    public required string Schedule { get; init; }

    /// <summary>IANA time zone for the schedule and for dates written without an offset.</summary>
    public string TimeZone { get; init; } = "Asia/Seoul";

    public string? Language { get; init; }

    /// <summary>List or section pages the cycle starts from (article pages work too).</summary>
    public required IReadOnlyList<Uri> StartUrls { get; init; }

    /// <summary>Hosts links may be followed to; empty means the hosts of <see cref="StartUrls"/>.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Charset override (e.g. <c>euc-kr</c>) used when the page does not say.</summary>
    public string? Encoding { get; init; }

    public ArticleLinkRules ArticleLinks { get; init; } = new();

    /// <summary>Configured-mode selectors; null (or selectors that match nothing) means generic mode.</summary>
    public ArticleSelectors? Selectors { get; init; }

    public WeatherSelectors? Weather { get; init; }

    public PolitenessSettings Politeness { get; init; } = new();

    /// <summary>Categories added to every article of this source (besides the one found on the page).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>How long after first sight an article is re-checked for corrections.</summary>
    public TimeSpan? RecheckWindow { get; init; }

    /// <summary>
    /// Learn the site's furniture from its article pages (blocks whose text repeats word for word on several of them:
    /// subscription notes, reporter boxes, related lists) and keep it out of later bodies, in generic and configured mode.
    /// </summary>
    public bool FurnitureMemory { get; init; } = true;

    /// <summary>Items of this source that match are left out of every feed (they stay in the store).</summary>
    public MatchConditions? Exclude { get; init; }

    /// <summary>Extra date formats (.NET custom format strings) tried before the built-in ones.</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = [];

    /// <summary>Hosts links may be followed to: the configured list, else the start URLs' hosts.</summary>
    public IReadOnlyList<string> EffectiveAllowedHosts =>
        AllowedHosts.Count > 0 ? AllowedHosts : [.. StartUrls.Select(u => u.Host).Distinct(StringComparer.OrdinalIgnoreCase)];
}
