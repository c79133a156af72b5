using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Fetching;

/// <summary>Fetches one page politely and safely: resilience, robots.txt, limits, charset detection.</summary>
public sealed partial class PageFetcher(
    FetchClient client,
    UrlPolicy urlPolicy,
    RobotsTxtCache robots,
    FetchMetrics metrics,
    IOptionsMonitor<FetchingOptions> options,
    TimeProvider timeProvider,
    ILogger<PageFetcher> logger)
{
    private readonly ConcurrentDictionary<string, bool> robotsOptOutLogged = new(StringComparer.Ordinal);

    /// <summary>The sources that opted out of robots.txt, for the host to announce at start-up.</summary>
    public static IReadOnlyList<SourceDefinition> SourcesIgnoringRobotsTxt(IEnumerable<SourceDefinition> sources) =>
        [.. sources.Where(s => s.Enabled && !s.Politeness.ObeyRobotsTxt)];

    /// <summary>Logs, once per source, every enabled source that opted out of robots.txt; for the host at start-up.</summary>
    public void AnnounceRobotsTxtOptOuts(IEnumerable<SourceDefinition> sources)
    {
        foreach (var source in SourcesIgnoringRobotsTxt(sources))
        {
            if (robotsOptOutLogged.TryAdd(source.Id, true))
            {
                Log.RobotsOptOut(logger, source.Id);
            }
        }
    }

    public async Task<FetchResult> FetchAsync(SourceDefinition source, Uri url, UrlOrigin origin, FetchValidators validators, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var (result, attempts) = await FetchHopsAsync(source, url, origin, validators, cancellationToken);
        result = result with { Attempts = attempts, Elapsed = timeProvider.GetElapsedTime(started) };

        metrics.Record(FetchOutcome.From(source.Id, result));
        if (result is FetchFailed failed)
        {
            Log.FetchFailed(logger, source.Id, url, failed.Kind, failed.Reason, failed.Status, attempts, result.Elapsed);
        }
        else
        {
            Log.FetchSucceeded(logger, source.Id, url, result is Fetched f ? f.Status : 304, result is Fetched b ? b.Body.Length : 0, attempts, result.Elapsed);
        }

        return result;
    }

    private async Task<(FetchResult Result, int Attempts)> FetchHopsAsync(
        SourceDefinition source, Uri url, UrlOrigin origin, FetchValidators validators, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var attempts = 0;
        var hopUrl = url;
        for (var hop = 0; hop <= current.MaxRedirects; hop++)
        {
            // A redirect that leaves the operator's host is no longer the operator's word: check it like a discovered link.
            // Every hop of every fetch stays on the source's allowed hosts (a www. variant included), so a redirect
            // cannot carry a source off to another site, nor from its own private address to another one.
            var leftOperatorHost = hop > 0 && origin == UrlOrigin.Operator && !hopUrl.Host.Equals(url.Host, StringComparison.OrdinalIgnoreCase);
            var hopOrigin = leftOperatorHost ? UrlOrigin.Discovered : origin;
            if (await urlPolicy.CheckAsync(source, hopUrl, hopOrigin, enforceAllowedHosts: origin == UrlOrigin.Discovered || hop > 0, cancellationToken) is { } refused)
            {
                return (refused with { RequestedUrl = url }, attempts);
            }

            var publicOnly = UrlPolicy.NeedsPublicAddress(source, hopUrl, hopOrigin);
            var rules = await RobotsRulesAsync(source, hopUrl, publicOnly, cancellationToken);
            if (!rules.IsAllowed(hopUrl))
            {
                var reason = ReferenceEquals(rules, RobotsTxt.Unreachable)
                    ? $"robots.txt of {hopUrl.Authority} could not be read, so the host is not fetched until it can"
                    : $"robots.txt of {hopUrl.Authority} disallows {hopUrl.AbsolutePath}";
                return (new FetchFailed(url, FetchErrorKind.RobotsDisallowed, reason), attempts);
            }

            var sent = await client.SendAsync(source, hopUrl, hop == 0 ? validators : null, publicOnly, cancellationToken, rules.CrawlDelay);
            attempts += sent.Attempts;
            if (sent.Failure is { } failure)
            {
                return (failure with { RequestedUrl = url }, attempts);
            }

            var response = sent.Response!;
            switch (response.Status)
            {
                case 304 when hop == 0 && (validators.ETag is not null || validators.LastModified is not null):
                    return (new NotModified(url, new FetchValidators(response.ETag ?? validators.ETag, response.LastModified ?? validators.LastModified)), attempts);
                case >= 200 and < 300 when !LooksLikeAPage(response):
                    return (new FetchFailed(url, FetchErrorKind.BadContent, $"{response.ContentType} is not a web page", response.Status), attempts);
                case >= 200 and < 300:
                    return (ToFetched(source, url, hopUrl, response), attempts);
                case 301 or 302 or 303 or 307 or 308 when response.Location is not null:
                    hopUrl = response.Location;
                    continue;
                case 429:
                    return (new FetchFailed(url, FetchErrorKind.RateLimited, RateLimitedReason(response, current, sent.Attempts), 429), attempts);
                default:
                    return (new FetchFailed(url, FetchErrorKind.HttpStatus, $"HTTP {response.Status}", response.Status), attempts);
            }
        }

        return (new FetchFailed(url, FetchErrorKind.TooManyRedirects, $"more than {current.MaxRedirects} redirects, last to {hopUrl}"), attempts);
    }

    private Fetched ToFetched(SourceDefinition source, Uri url, Uri finalUrl, HopResponse response) => new(
        RequestedUrl: url,
        FinalUrl: finalUrl,
        Status: response.Status,
        Body: response.Body,
        Encoding: CharsetDetector.Detect(response.Body, response.Charset, source.Encoding, source.Language),
        ContentType: response.ContentType,
        Validators: new FetchValidators(response.ETag, response.LastModified),
        FetchedAt: timeProvider.GetUtcNow());

    private async Task<RobotsTxt> RobotsRulesAsync(SourceDefinition source, Uri url, bool publicOnly, CancellationToken cancellationToken)
    {
        if (source.Politeness.ObeyRobotsTxt)
        {
            return await robots.GetAsync(source, url, publicOnly, cancellationToken);
        }

        if (robotsOptOutLogged.TryAdd(source.Id, true))
        {
            Log.RobotsOptOut(logger, source.Id);
        }

        return RobotsTxt.AllowAll;
    }

    // Links to PDFs, images and downloads are common on news pages; none of them may reach the HTML parser.
    // A missing or vague type is judged by the first byte: markup starts with '<'.
    private static bool LooksLikeAPage(HopResponse response) => response.ContentType?.ToLowerInvariant() switch
    {
        null or "application/octet-stream" or "binary/octet-stream" => StartsWithMarkup(response.Body),
        var type => type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("html", StringComparison.Ordinal) || type.Contains("xml", StringComparison.Ordinal),
    };

    private static bool StartsWithMarkup(ReadOnlySpan<byte> body)
    {
        if (body is [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..])
        {
            return true; // UTF-16 text; the charset detector handles it
        }

        var start = body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? body[3..] : body;
        var first = start.IndexOfAnyExcept(" \t\r\n"u8);
        return first < 0 || start[first] == (byte)'<';
    }

    private static string RateLimitedReason(HopResponse response, FetchingOptions options, int attempts) =>
        response.RetryAfter is { } wait && wait > options.MaxRetryAfter
            ? $"HTTP 429 asking to wait {wait}, longer than Fetching:MaxRetryAfter ({options.MaxRetryAfter})"
            : $"HTTP 429 on all {attempts} attempts";

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Fetch of {Url} for source {SourceId} failed: {ErrorKind}, {Reason} (status {Status}, {Attempts} attempts, {Elapsed})")]
        public static partial void FetchFailed(ILogger logger, string sourceId, Uri url, FetchErrorKind errorKind, string reason, int? status, int attempts, TimeSpan elapsed);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Fetched {Url} for source {SourceId}: {Status}, {Bytes} bytes, {Attempts} attempts, {Elapsed}")]
        public static partial void FetchSucceeded(ILogger logger, string sourceId, Uri url, int status, int bytes, int attempts, TimeSpan elapsed);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Source {SourceId} is set to ignore robots.txt (Politeness.ObeyRobotsTxt = false)")]
        public static partial void RobotsOptOut(ILogger logger, string sourceId);
    }
}
