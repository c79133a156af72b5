using System.Diagnostics.Metrics;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>
/// The "NewsFeedWorker.Publishing" meter: feed requests served, by format (rss, atom, json, opml, weather) and status,
/// so 304s show how many readers poll politely. Counted by a middleware around the feed endpoints.
/// </summary>
public sealed class FeedRequestMetrics
{
    public const string MeterName = "NewsFeedWorker.Publishing";

    private readonly Counter<long> requests;

    public FeedRequestMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        this.requests = meter.CreateCounter<long>("newsfeedworker.feed.requests", "{request}", "Feed requests answered, by format and HTTP status");
    }

    /// <summary>The format of a feed path, or null when the path is not a feed (health, metrics, the sample site).</summary>
    public static string? FormatOf(PathString path)
    {
        var value = path.Value ?? "";
        if (value == "/opml")
        {
            return "opml";
        }

        if (value == "/weather.json")
        {
            return "weather";
        }

        if (!value.StartsWith("/feeds/", StringComparison.Ordinal))
        {
            return null;
        }

        // Spans, and the constant strings as tags: this runs on every feed request.
        return Path.GetExtension(value.AsSpan()) switch
        {
            ".rss" => "rss",
            ".xml" => "xml",
            ".atom" => "atom",
            ".json" => "json",
            _ => "other",
        };
    }

    public void Served(string format, int status) =>
        this.requests.Add(1, new KeyValuePair<string, object?>("format", format), new KeyValuePair<string, object?>("http.response.status_code", status));

    /// <summary>Counts each feed request after it is answered.</summary>
    public static IApplicationBuilder UseFeedRequestMetrics(IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<FeedRequestMetrics>();
        return app.Use(async (context, next) =>
        {
            await next(context);
            if (FormatOf(context.Request.Path) is { } format)
            {
                metrics.Served(format, context.Response.StatusCode);
            }
        });
    }
}
