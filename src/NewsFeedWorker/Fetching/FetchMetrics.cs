using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsFeedWorker.Fetching;

/// <summary>
/// The "NewsFeedWorker.Fetching" meter: one count, duration, size and attempt figure per fetch, tagged by source,
/// result, status and error kind (never by URL, which would explode the series), ready for a /metrics exporter.
/// </summary>
public sealed class FetchMetrics
{
    public const string MeterName = "NewsFeedWorker.Fetching";

    private readonly Counter<long> fetches;
    private readonly Histogram<double> duration;
    private readonly Histogram<long> bytes;
    private readonly Histogram<int> attempts;

    public FetchMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        fetches = meter.CreateCounter<long>("newsfeedworker.fetch.count", "{fetch}", "Fetches by result");
        this.duration = meter.CreateHistogram<double>("newsfeedworker.fetch.duration", "s", "Time per fetch, politeness waits and retries included");
        bytes = meter.CreateHistogram<long>("newsfeedworker.fetch.body.size", "By", "Decompressed body size of fetched pages");
        this.attempts = meter.CreateHistogram<int>("newsfeedworker.fetch.attempts", "{attempt}", "HTTP attempts per fetch");
    }

    /// <summary>Raised for every recorded outcome, for in-process listeners such as a health view.</summary>
    public event Action<FetchOutcome>? Recorded;

    public void Record(FetchOutcome outcome)
    {
        var tags = new TagList
        {
            { "source", outcome.SourceId },
            { "result", outcome.Result },
            { "http.response.status_code", outcome.Status },
            { "error.type", outcome.ErrorKind?.ToString() },
        };
        fetches.Add(1, tags);
        this.duration.Record(outcome.Duration.TotalSeconds, tags);
        this.attempts.Record(outcome.Attempts, tags);
        if (outcome.Result == "fetched")
        {
            bytes.Record(outcome.Bytes, tags);
        }

        Recorded?.Invoke(outcome);
    }
}
