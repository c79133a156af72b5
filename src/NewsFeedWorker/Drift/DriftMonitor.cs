using System.Collections.Concurrent;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Drift;

/// <summary>
/// Learns per source what a healthy run looks like (which configured selectors fill their field, how many article
/// links the list pages give) and turns a run where a selector that used to match matched nothing on every page, or
/// the list gave no links where it used to, into a <see cref="DriftWarning"/>. A warning clears itself on the first run
/// where the selector matches again. What is learned belongs to one selector value: a source whose selector changes
/// (a repair, an edit) starts that field's history anew. The learning is kept in the store
/// (<see cref="Learned"/>, <see cref="Restore"/>), so a restarted worker carries on from it.
/// </summary>
public sealed partial class DriftMonitor(TimeProvider time, ILogger<DriftMonitor> logger)
{
    /// <summary>The field under which the list's links are learned.</summary>
    private const string LinksField = "articleLinks";

    /// <summary>The configured fields checked, with the key under which an article names the method of each.</summary>
    private static readonly (string Field, string MethodKey, Func<ArticleSelectors, string?> Selector)[] Fields =
    [
        ("title", "title", s => s.Title), ("subtitle", "subtitle", s => s.Subtitle), ("author", "author", s => s.Author),
        ("published", "published", s => s.Published), ("updated", "updated", s => s.Updated), ("category", "category", s => s.Category),
        ("summary", "summary", s => s.Summary), ("body", "body", s => s.Body), ("credit", "origin", s => s.Credit), ("leadImage", "leadImage", s => s.LeadImage),
    ];

    /// <summary>The share of a healthy run's pages a selector must have filled for its silence to count as drift.</summary>
    private const double MostPages = 0.9;

    private readonly ConcurrentDictionary<string, SourceState> states = new(StringComparer.Ordinal);

    /// <summary>The warnings in force, per source id (sources without any are absent).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DriftWarning>> Warnings =>
        states.Select(s => (s.Key, Warnings: WarningsOf(s.Key))).Where(s => s.Warnings.Count > 0)
            .ToDictionary(s => s.Key, s => s.Warnings, StringComparer.Ordinal);

    public IReadOnlyList<DriftWarning> WarningsOf(string sourceId)
    {
        if (!states.TryGetValue(sourceId, out var state))
        {
            return [];
        }

        lock (state)
        {
            return [.. state.Warnings.Values];
        }
    }

    /// <summary>
    /// Takes what an earlier process learned (read from the store at start) for the sources in force; a field whose
    /// selector has changed since is left out, with its warning.
    /// </summary>
    public void Restore(IReadOnlyDictionary<string, IReadOnlyList<LearnedSelector>> learned, IReadOnlyList<SourceDefinition> sources)
    {
        foreach (var source in sources)
        {
            if (!learned.TryGetValue(source.Id, out var rows))
            {
                continue;
            }

            var state = states.GetOrAdd(source.Id, _ => new SourceState());
            lock (state)
            {
                foreach (var row in rows.Where(r => !state.History.ContainsKey(r.Field)))
                {
                    state.History[row.Field] = new History(row.Selector, row.Filled, row.Pages);
                    if (row.Warning is { } message)
                    {
                        state.Warnings[row.Field] = new DriftWarning(row.Field, row.Selector.Length == 0 ? null : row.Selector, message, row.WarnedSince ?? time.GetUtcNow());
                    }
                }

                // Rows of another selector are forgotten in the store at the source's next run.
                state.Dirty = Forget(source, state) || state.Dirty;
            }
        }
    }

    /// <summary>The sources file changed: the history and warnings of selectors no longer in force are forgotten now, not at the next run.</summary>
    public void SourcesChanged(IReadOnlyList<SourceDefinition> sources)
    {
        foreach (var source in sources)
        {
            if (states.TryGetValue(source.Id, out var state))
            {
                lock (state)
                {
                    state.Dirty = Forget(source, state) || state.Dirty;
                }
            }
        }

        foreach (var gone in states.Keys.Except(sources.Select(s => s.Id), StringComparer.Ordinal).ToList())
        {
            states.TryRemove(gone, out _);
        }
    }

    /// <summary>What is learned about the source, as the store keeps it.</summary>
    public IReadOnlyList<LearnedSelector> Learned(string sourceId)
    {
        if (!states.TryGetValue(sourceId, out var state))
        {
            return [];
        }

        lock (state)
        {
            return [.. state.History.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => new LearnedSelector(h.Key, h.Value.Selector, h.Value.Filled, h.Value.Pages)
            {
                Warning = state.Warnings.GetValueOrDefault(h.Key)?.Message,
                WarnedSince = state.Warnings.GetValueOrDefault(h.Key)?.Since,
            })];
        }
    }

    /// <summary>
    /// The source's run starts: the tally begins empty, so what a run that ended in an exception had counted is
    /// neither judged nor added to this one.
    /// </summary>
    public void RunStarted(SourceDefinition source)
    {
        var state = states.GetOrAdd(source.Id, _ => new SourceState());
        lock (state)
        {
            state.Run = new RunTally();
        }
    }

    /// <summary>A page of the source's current run was parsed (a list page or an article page).</summary>
    public void PageRead(SourceDefinition source, bool listPage, PageParseResult parsed)
    {
        var state = states.GetOrAdd(source.Id, _ => new SourceState());
        lock (state)
        {
            var run = state.Run;
            if (listPage)
            {
                run.ListPages++;
                run.Links += parsed.ArticleLinks.Count;
                if (source.ArticleLinks.Selector is not null && !parsed.LinkSelectorMissed)
                {
                    run.LinkSelectorMatched++;
                }

                return;
            }

            if (parsed.Article is not { } article || source.Selectors is not { } selectors)
            {
                return;
            }

            run.ArticlePages++;
            foreach (var (field, methodKey, selectorOf) in Fields)
            {
                if (selectorOf(selectors) is not null && article.Methods.TryGetValue(methodKey, out var method) && method == ExtractionMethod.Selector)
                {
                    run.Matched[field] = run.Matched.GetValueOrDefault(field) + 1;
                }
            }
        }
    }

    /// <summary>The source's run ended: compares it with what the source's healthy runs showed, logs what changed once.</summary>
    /// <returns>True when what is learned or the warnings changed since the last time (the store's copy is then due).</returns>
    public bool RunEnded(SourceDefinition source)
    {
        var state = states.GetOrAdd(source.Id, _ => new SourceState());
        lock (state)
        {
            var run = state.Run;
            state.Run = new RunTally();
            var dirty = Forget(source, state) || state.Dirty;
            state.Dirty = false;
            var now = time.GetUtcNow();
            if (run.ArticlePages > 0 && source.Selectors is { } selectors)
            {
                foreach (var (field, _, selectorOf) in Fields)
                {
                    if (selectorOf(selectors) is not { } selector)
                    {
                        continue;
                    }

                    var matched = run.Matched.GetValueOrDefault(field);
                    if (matched > 0)
                    {
                        var learned = state.History.GetValueOrDefault(field) ?? new History(selector, 0, 0);
                        state.History[field] = learned with { Filled = learned.Filled + matched, Pages = learned.Pages + run.ArticlePages };
                        dirty = true;
                        dirty |= Clear(source.Id, state, field);
                    }
                    else if (state.History.TryGetValue(field, out var learned) && learned.Filled >= learned.Pages * MostPages)
                    {
                        // Only a field its selector filled on (nearly) every page of the healthy runs: an optional one
                        // (a subtitle some stories have) missing from a run's few pages is no sign of a new template.
                        dirty |= Raise(source.Id, state, new DriftWarning(field, selector, $"{field}: \"{selector}\" matched nothing on {run.ArticlePages} of {run.ArticlePages} pages", now));
                    }
                }
            }

            if (run.ListPages > 0)
            {
                var selector = source.ArticleLinks.Selector;
                var mostLinks = state.History.GetValueOrDefault(LinksField)?.Filled ?? 0;
                if (run.Links == 0 && mostLinks > 0)
                {
                    dirty |= Raise(source.Id, state, new DriftWarning(LinksField, selector, selector is not null && run.LinkSelectorMatched == 0
                        ? $"articleLinks: \"{selector}\" matched nothing on {run.ListPages} of {run.ListPages} list pages (they gave {mostLinks} links before)"
                        : $"articleLinks: the list pages gave no article links (they gave {mostLinks} before)", now));
                }
                else if (run.Links > 0)
                {
                    if (run.Links > mostLinks)
                    {
                        state.History[LinksField] = new History(selector ?? "", run.Links, 0);
                        dirty = true;
                    }

                    dirty |= Clear(source.Id, state, LinksField);
                }
            }

            return dirty;
        }
    }

    /// <summary>The selector a field is learned under in the source as configured; null when the field is not configured.</summary>
    private static string? SelectorInForce(SourceDefinition source, string field) => field == LinksField
        ? source.ArticleLinks.Selector ?? ""
        : source.Selectors is { } s && Array.Find(Fields, f => f.Field == field) is { Selector: { } selectorOf } ? selectorOf(s) : null;

    /// <summary>Drops the history and warning of every field whose selector is no longer the one in force (removed or changed).</summary>
    private bool Forget(SourceDefinition source, SourceState state)
    {
        var stale = state.History.Where(h => SelectorInForce(source, h.Key) != h.Value.Selector).Select(h => h.Key)
            .Union(state.Warnings.Keys.Where(f => !state.History.ContainsKey(f)), StringComparer.Ordinal).ToList();
        foreach (var field in stale)
        {
            state.History.Remove(field);
            state.Warnings.Remove(field);
            var now = SelectorInForce(source, field) ?? "(none)";
            Log.Forgotten(logger, source.Id, field, now);
        }

        return stale.Count > 0;
    }

    private bool Raise(string sourceId, SourceState state, DriftWarning warning)
    {
        if (state.Warnings.TryGetValue(warning.Field, out var existing) && existing.Selector == warning.Selector)
        {
            // Said once: the warning keeps its first time and message; the log is not repeated every cycle.
            return false;
        }

        state.Warnings[warning.Field] = warning;
        Log.Drifted(logger, sourceId, warning.Message);
        return true;
    }

    private bool Clear(string sourceId, SourceState state, string field)
    {
        if (!state.Warnings.Remove(field, out var cleared))
        {
            return false;
        }

        Log.Recovered(logger, sourceId, field, cleared.Selector ?? "");
        return true;
    }

    /// <summary>One selector value's record: the pages it filled and the pages of the runs where it filled any (for the list, the most links).</summary>
    private sealed record History(string Selector, int Filled, int Pages);

    private sealed class SourceState
    {
        public RunTally Run { get; set; } = new();

        public Dictionary<string, History> History { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, DriftWarning> Warnings { get; } = new(StringComparer.Ordinal);

        /// <summary>Changed outside a run (restored rows of another selector, a reload): the store's copy is due at the next run's end.</summary>
        public bool Dirty { get; set; }
    }

    private sealed class RunTally
    {
        public int ListPages { get; set; }

        public int Links { get; set; }

        public int LinkSelectorMatched { get; set; }

        public int ArticlePages { get; set; }

        public Dictionary<string, int> Matched { get; } = new(StringComparer.Ordinal);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1701, Level = LogLevel.Warning, Message = "Source {SourceId} drifted: {Warning}; the field falls back to generic extraction until the selector matches again (suggest --for {SourceId} proposes a repair)")]
        public static partial void Drifted(ILogger logger, string sourceId, string warning);

        [LoggerMessage(EventId = 1702, Level = LogLevel.Information, Message = "Source {SourceId}: {Field} matches again ({Selector})")]
        public static partial void Recovered(ILogger logger, string sourceId, string field, string selector);

        [LoggerMessage(EventId = 1703, Level = LogLevel.Information, Message = "Source {SourceId}: the {Field} selector is now {Selector}; what was learned about the previous one, and its warning, is dropped")]
        public static partial void Forgotten(ILogger logger, string sourceId, string field, string selector);
    }
}
