namespace NewsFeedWorker.Publishing.Serving;

/// <summary>Tells a WebSub hub that feeds changed (<c>hub.mode=publish</c>), so subscribers get them pushed instead of polling.</summary>
public sealed partial class WebSubNotifier(IHttpClientFactory clients, ILogger<WebSubNotifier> logger)
{
    /// <summary>Name of the HttpClient the pings use.</summary>
    public const string HttpClientName = "WebSub";

    /// <summary>
    /// Pings the hub once per changed feed URL; returns how many pings the hub accepted. A failing hub never fails a
    /// publish, and an unreachable one is not tried again for the remaining feeds of this round (no cycle waits out
    /// a timeout per feed).
    /// </summary>
    public async Task<int> PingAsync(Uri hub, IReadOnlyList<Uri> changedFeeds, CancellationToken cancellationToken)
    {
        // A client per round (not one held by this singleton) so handler rotation keeps working.
        var http = clients.CreateClient(HttpClientName);
        var accepted = 0;
        for (var i = 0; i < changedFeeds.Count; i++)
        {
            var feed = changedFeeds[i];
            using var body = new FormUrlEncodedContent([new("hub.mode", "publish"), new("hub.url", feed.AbsoluteUri)]);
            try
            {
                using var response = await http.PostAsync(hub, body, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    accepted++;
                }
                else
                {
                    Log.HubRefused(logger, hub, feed, (int)response.StatusCode);
                }
            }
            catch (HttpRequestException e)
            {
                Log.HubUnreachable(logger, hub, changedFeeds.Count - i, e.Message);
                break;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Log.HubUnreachable(logger, hub, changedFeeds.Count - i, "timed out");
                break;
            }
        }

        return accepted;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "WebSub hub {Url} answered {Status} to the ping for {Feed}")]
        public static partial void HubRefused(ILogger logger, Uri url, Uri feed, int status);

        [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "WebSub hub {Url} not reached ({Error}); {Skipped} changed feeds not announced this time")]
        public static partial void HubUnreachable(ILogger logger, Uri url, int skipped, string error);
    }
}
