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

    private readonly Counter<long> _fetches;
    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _bytes;
    private readonly Histogram<int> _attempts;

    public FetchMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _fetches = meter.CreateCounter<long>("newsfeedworker.fetch.count", "{fetch}", "Fetches by result");
        _duration = meter.CreateHistogram<double>("newsfeedworker.fetch.duration", "s", "Time per fetch, politeness waits and retries included");
        _bytes = meter.CreateHistogram<long>("newsfeedworker.fetch.body.size", "By", "Decompressed body size of fetched pages");
        _attempts = meter.CreateHistogram<int>("newsfeedworker.fetch.attempts", "{attempt}", "HTTP attempts per fetch");
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
        _fetches.Add(1, tags);
        _duration.Record(outcome.Duration.TotalSeconds, tags);
        _attempts.Record(outcome.Attempts, tags);
        if (outcome.Result == "fetched")
        {
            _bytes.Record(outcome.Bytes, tags);
        }

        Recorded?.Invoke(outcome);
    }
}
