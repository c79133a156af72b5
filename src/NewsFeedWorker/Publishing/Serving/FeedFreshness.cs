using System.Globalization;
using NewsFeedWorker.Sources;
using Quartz;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>
/// How long caches may keep a feed: until shortly after the next scheduled scrape of its sources, never longer than its
/// ttl. Schedules are parsed once per sources reload and the next run once per run, not per request: parsing every
/// source's cron and looking its time zone up (a global lock) on each request was most of a feed request's cost.
/// </summary>
public sealed class FeedFreshness(CurrentSources sources, TimeProvider time)
{
    // A scrape finishes some time after its trigger: caches may keep a feed this much past the next scheduled run.
    private static readonly TimeSpan ScrapeGrace = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MinimumMaxAge = TimeSpan.FromMinutes(1);

    private Snapshot? snapshot;

    /// <summary>The max-age for a feed of one source (<paramref name="sourceId"/>) or of all sources (null).</summary>
    public TimeSpan MaxAge(string? sourceId) => ScheduleOf(sourceId).MaxAge(time.GetUtcNow());

    /// <summary>The Cache-Control header value: <c>public, max-age=N</c>.</summary>
    public string CacheControl(string? sourceId) => ScheduleOf(sourceId).CacheControl(time.GetUtcNow());

    private FeedSchedule ScheduleOf(string? sourceId)
    {
        var current = sources();
        var known = Volatile.Read(ref snapshot);
        if (known is null || !ReferenceEquals(known.Sources, current))
        {
            // The sources stage hands out one list per accepted reload, so a new list means a reload.
            known = new Snapshot(current);
            Volatile.Write(ref snapshot, known);
        }

        return sourceId is null ? known.All : known.BySource.GetValueOrDefault(sourceId, known.None);
    }

    private sealed class Snapshot
    {
        public Snapshot(IReadOnlyList<SourceDefinition> sources)
        {
            Sources = sources;
            var enabled = sources.Where(s => s.Enabled).ToList();
            All = new FeedSchedule(enabled);
            BySource = enabled.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new FeedSchedule([.. g]), StringComparer.Ordinal);
            None = new FeedSchedule([]);
        }

        public IReadOnlyList<SourceDefinition> Sources { get; }

        public FeedSchedule All { get; }

        public Dictionary<string, FeedSchedule> BySource { get; }

        public FeedSchedule None { get; }
    }

    /// <summary>The schedules behind one feed, with the next run cached until it passes.</summary>
    private sealed class FeedSchedule
    {
        private readonly TimeSpan ttl;
        private readonly CronExpression[] crons;
        private Window? window;
        private Header? header;

        public FeedSchedule(IReadOnlyList<SourceDefinition> behind)
        {
            ttl = FeedDocumentBuilder.TimeToLive(behind);
            crons = [.. behind.Select(SourceSchedule.Parse).OfType<CronExpression>()];
        }

        public TimeSpan MaxAge(DateTimeOffset now)
        {
            var next = NextRun(now) ?? now + ttl;
            var maxAge = next - now + ScrapeGrace;
            return maxAge < MinimumMaxAge ? MinimumMaxAge : maxAge > ttl ? ttl : maxAge;
        }

        public string CacheControl(DateTimeOffset now)
        {
            var seconds = (int)MaxAge(now).TotalSeconds;
            var known = Volatile.Read(ref header);
            if (known is null || known.Seconds != seconds)
            {
                known = new Header(seconds, "public, max-age=" + seconds.ToString(CultureInfo.InvariantCulture));
                Volatile.Write(ref header, known);
            }

            return known.Value;
        }

        // The earliest run after `from` is also the earliest run after any instant before it, so it holds until it passes.
        private DateTimeOffset? NextRun(DateTimeOffset now)
        {
            var known = Volatile.Read(ref window);
            if (known is not null && now >= known.From && (known.Next is not { } cached || now < cached))
            {
                return known.Next;
            }

            lock (crons)
            {
                DateTimeOffset? next = null;
                foreach (var cron in crons)
                {
                    if (cron.GetNextValidTimeAfter(now) is { } run && (next is null || run < next))
                    {
                        next = run;
                    }
                }

                Volatile.Write(ref window, new Window(now, next));
                return next;
            }
        }

        private sealed record Window(DateTimeOffset From, DateTimeOffset? Next);

        private sealed record Header(int Seconds, string Value);
    }
}
