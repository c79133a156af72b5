using System.Diagnostics.Metrics;

namespace NewsFeedWorker.Scheduling;

/// <summary>
/// The "NewsFeedWorker.Scheduling" meter: what cycles store (articles by outcome, weather snapshots), pages that yield
/// nothing, and how jobs run (duration, misfires). Tagged by source id and a short fixed vocabulary, never by URL.
/// </summary>
public sealed class SchedulingMetrics
{
    public const string MeterName = "NewsFeedWorker.Scheduling";

    private readonly Counter<long> articles;
    private readonly Counter<long> parseFailures;
    private readonly Counter<long> weather;
    private readonly Histogram<double> jobDuration;
    private readonly Counter<long> misfires;
    private readonly Counter<long> revisions;

    public SchedulingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        this.articles = meter.CreateCounter<long>("newsfeedworker.articles", "{article}", "Articles seen by cycles, by outcome: new, updated, duplicate, near_duplicate, forgotten");
        parseFailures = meter.CreateCounter<long>("newsfeedworker.parse.failures", "{page}", "Pages that yielded nothing usable, by reason");
        this.weather = meter.CreateCounter<long>("newsfeedworker.weather.snapshots", "{snapshot}", "Weather snapshots stored");
        jobDuration = meter.CreateHistogram<double>("newsfeedworker.job.duration", "s", "Time per source job run, by result");
        this.revisions = meter.CreateCounter<long>("newsfeedworker.revisions", "{revision}", "Material corrections found by re-checks: the previous version kept as a revision");
        this.misfires = meter.CreateCounter<long>("newsfeedworker.job.misfires", "{misfire}", "Firings Quartz missed (the previous run still going, or the worker was down)");
    }

    public void ArticleSaved(string sourceId, string outcome) =>
        this.articles.Add(1, new KeyValuePair<string, object?>("source", sourceId), new KeyValuePair<string, object?>("outcome", outcome));

    /// <param name="reason">One of a few fixed words (<c>no_article</c>, <c>empty_list</c>, <c>selector</c>), never free text.</param>
    public void ParseFailed(string sourceId, string reason) =>
        parseFailures.Add(1, new KeyValuePair<string, object?>("source", sourceId), new KeyValuePair<string, object?>("reason", reason));

    public void RevisionKept(string sourceId) =>
        this.revisions.Add(1, new KeyValuePair<string, object?>("source", sourceId));

    public void WeatherStored(string sourceId) =>
        this.weather.Add(1, new KeyValuePair<string, object?>("source", sourceId));

    /// <param name="result"><c>ok</c>, <c>failed</c> or <c>cancelled</c>.</param>
    public void JobRan(string sourceId, string result, TimeSpan elapsed) =>
        jobDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("source", sourceId), new KeyValuePair<string, object?>("result", result));

    /// <param name="kind"><c>misfired</c> (fired late) or <c>skipped</c> (not fired at all).</param>
    public void Misfired(string sourceId, string kind) =>
        this.misfires.Add(1, new KeyValuePair<string, object?>("source", sourceId), new KeyValuePair<string, object?>("kind", kind));
}
