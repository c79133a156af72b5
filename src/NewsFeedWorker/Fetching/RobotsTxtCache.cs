using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Fetching;

/// <summary>
/// Fetches each site's robots.txt once per cache period and answers "may we fetch this URL?".
/// Follows RFC 9309: 4xx means no rules, 5xx or unreachable means stay away until the next try.
/// </summary>
public sealed partial class RobotsTxtCache(FetchClient client, IOptionsMonitor<FetchingOptions> options, TimeProvider timeProvider, ILogger<RobotsTxtCache> logger)
{
    private const int MaxRobotsRedirects = 5; // RFC 9309 section 2.3.1.2

    private readonly ConcurrentDictionary<string, Task<Entry>> entries = new(StringComparer.OrdinalIgnoreCase);

    public async Task<RobotsTxt> GetAsync(SourceDefinition source, Uri url, bool publicAddressesOnly, CancellationToken cancellationToken)
    {
        var key = url.GetLeftPart(UriPartial.Authority);
        while (true)
        {
            entries.TryGetValue(key, out var existing);
            if (existing is { IsCompletedSuccessfully: true })
            {
                // Completed: awaiting it returns at once.
                var entry = await existing;
                if (entry.ExpiresAt > timeProvider.GetUtcNow())
                {
                    return entry.Rules;
                }
            }

            if (existing is { IsCompleted: false })
            {
                try
                {
                    return (await existing.WaitAsync(cancellationToken)).Rules;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    continue; // the caller that started the fetch gave up; try again ourselves
                }
            }

            // One caller fetches; the others wait for its task instead of asking the site again.
            var mine = new TaskCompletionSource<Entry>(TaskCreationOptions.RunContinuationsAsynchronously);
            var won = existing is null ? entries.TryAdd(key, mine.Task) : entries.TryUpdate(key, mine.Task, existing);
            if (!won)
            {
                continue;
            }

            try
            {
                var entry = await FetchAsync(source, new Uri(key + "/robots.txt"), publicAddressesOnly, cancellationToken);
                mine.SetResult(entry);
                return entry.Rules;
            }
            catch (Exception e)
            {
                entries.TryRemove(new KeyValuePair<string, Task<Entry>>(key, mine.Task));
                mine.SetException(e);
                throw;
            }
        }
    }

    private async Task<Entry> FetchAsync(SourceDefinition source, Uri robotsUrl, bool publicAddressesOnly, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var url = robotsUrl;
        for (var hop = 0; hop <= MaxRobotsRedirects; hop++)
        {
            // A redirect to another host is the site's word, not the operator's: like a discovered link, it may not
            // reach a private address (unless the source itself lives on one).
            var leftHost = !url.Host.Equals(robotsUrl.Host, StringComparison.OrdinalIgnoreCase);
            var publicOnly = publicAddressesOnly || (leftHost && UrlPolicy.NeedsPublicAddress(source, url, UrlOrigin.Discovered));
            var result = await client.SendAsync(source, url, validators: null, publicOnly, cancellationToken);
            if (result.Failure is { Kind: FetchErrorKind.DisallowedUrl } refused && leftHost)
            {
                // RFC 9309 lets a crawler treat a redirect it will not follow like a missing file: no rules.
                Log.RobotsRedirectRefused(logger, source.Id, robotsUrl, url, refused.Reason);
                return Expiring(RobotsTxt.AllowAll, current.RobotsTxtCacheDuration);
            }

            if (result.Failure is { } failure)
            {
                Log.RobotsUnreachable(logger, source.Id, robotsUrl, failure.Reason);
                return Expiring(RobotsTxt.Unreachable, current.RobotsTxtErrorCacheDuration);
            }

            var response = result.Response!;
            switch (response.Status)
            {
                case >= 200 and < 300:
                    return Expiring(RobotsTxt.Parse(Encoding.UTF8.GetString(response.Body), current.ProductToken), current.RobotsTxtCacheDuration);
                case >= 300 and < 400 when response.Location is { Scheme: "http" or "https" } next:
                    url = next;
                    continue;
                case 429 or >= 500:
                    Log.RobotsUnreachable(logger, source.Id, robotsUrl, $"HTTP {response.Status}");
                    return Expiring(RobotsTxt.Unreachable, current.RobotsTxtErrorCacheDuration);
                default:
                    // 4xx (and redirects that lead nowhere): the site has no rules for us.
                    return Expiring(RobotsTxt.AllowAll, current.RobotsTxtCacheDuration);
            }
        }

        return Expiring(RobotsTxt.AllowAll, current.RobotsTxtCacheDuration);
    }

    private Entry Expiring(RobotsTxt rules, TimeSpan lifetime) => new(rules, timeProvider.GetUtcNow() + lifetime);

    private sealed record Entry(RobotsTxt Rules, DateTimeOffset ExpiresAt);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "robots.txt at {Url} for source {SourceId} is unreachable ({Reason}); the host is treated as disallowed for now")]
        public static partial void RobotsUnreachable(ILogger logger, string sourceId, Uri url, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "robots.txt at {Url} for source {SourceId} redirects to {Target}, which is not fetched ({Reason}); the site is treated as having no rules")]
        public static partial void RobotsRedirectRefused(ILogger logger, string sourceId, Uri url, Uri target, string reason);
    }
}
