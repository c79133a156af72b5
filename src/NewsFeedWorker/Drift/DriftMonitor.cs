using System.Collections.Concurrent;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Drift;

/// <summary>
/// Learns per source what a healthy run looks like (which configured selectors fill their field, how many article
/// links the list pages give) and turns a run where a selector that used to match matched nothing on every page, or
/// the list gave no links where it used to, into a <see cref="DriftWarning"/>. A warning clears itself on the first run
/// where the selector matches again. The learning is this process's: it starts at the first run after start.
/// </summary>
public sealed partial class DriftMonitor(TimeProvider time, ILogger<DriftMonitor> logger)
{
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
        states.Where(s => s.Value.Warnings.Count > 0).ToDictionary(s => s.Key, s => (IReadOnlyList<DriftWarning>)[.. s.Value.Warnings.Values], StringComparer.Ordinal);

    public IReadOnlyList<DriftWarning> WarningsOf(string sourceId) =>
        states.TryGetValue(sourceId, out var state) ? [.. state.Warnings.Values] : [];

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
                if (source.ArticleLinks.Selector is { } selector && !parsed.Errors.Any(e => e.StartsWith($"articleLinks: selector '{selector}' matched nothing", StringComparison.Ordinal)))
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
    /// <returns>True when the source's warnings changed (one raised or cleared).</returns>
    public bool RunEnded(SourceDefinition source)
    {
        var state = states.GetOrAdd(source.Id, _ => new SourceState());
        lock (state)
        {
            var run = state.Run;
            state.Run = new RunTally();
            var before = state.Changes;
            var now = time.GetUtcNow();
            var checkedFields = new HashSet<string>(StringComparer.Ordinal);
            if (run.ArticlePages > 0 && source.Selectors is { } selectors)
            {
                foreach (var (field, _, selectorOf) in Fields)
                {
                    if (selectorOf(selectors) is not { } selector)
                    {
                        continue;
                    }

                    checkedFields.Add(field);
                    var matched = run.Matched.GetValueOrDefault(field);
                    if (matched > 0)
                    {
                        var (filled, pages) = state.Learned.GetValueOrDefault(field);
                        state.Learned[field] = (filled + matched, pages + run.ArticlePages);
                        Clear(source.Id, state, field);
                    }
                    else if (state.Learned.TryGetValue(field, out var learned) && learned.Filled >= learned.Pages * MostPages)
                    {
                        // Only a field its selector filled on (nearly) every page of the healthy runs: an optional one
                        // (a subtitle some stories have) missing from a run's few pages is no sign of a new template.
                        Raise(source.Id, state, new DriftWarning(field, selector, $"{field}: \"{selector}\" matched nothing on {run.ArticlePages} of {run.ArticlePages} pages", now));
                    }
                }
            }

            if (run.ListPages > 0)
            {
                checkedFields.Add("articleLinks");
                if (run.Links == 0 && state.MostLinks > 0)
                {
                    var selector = source.ArticleLinks.Selector;
                    Raise(source.Id, state, new DriftWarning("articleLinks", selector, selector is not null && run.LinkSelectorMatched == 0
                        ? $"articleLinks: \"{selector}\" matched nothing on {run.ListPages} of {run.ListPages} list pages (they gave {state.MostLinks} links before)"
                        : $"articleLinks: the list pages gave no article links (they gave {state.MostLinks} before)", now));
                }
                else if (run.Links > 0)
                {
                    state.MostLinks = Math.Max(state.MostLinks, run.Links);
                    Clear(source.Id, state, "articleLinks");
                }
            }

            // A selector removed from the source (a repair) takes its warning with it.
            foreach (var field in state.Warnings.Keys.Where(f => !checkedFields.Contains(f) && !StillConfigured(source, f)).ToList())
            {
                Clear(source.Id, state, field);
            }

            return state.Changes != before;
        }
    }

    private static bool StillConfigured(SourceDefinition source, string field) =>
        field == "articleLinks" || (source.Selectors is { } s && Fields.Any(f => f.Field == field && f.Selector(s) is not null));

    private void Raise(string sourceId, SourceState state, DriftWarning warning)
    {
        if (state.Warnings.TryGetValue(warning.Field, out var existing) && existing.Selector == warning.Selector)
        {
            // Said once: the warning keeps its first time and message; the log is not repeated every cycle.
            return;
        }

        state.Warnings[warning.Field] = warning;
        state.Changes++;
        Log.Drifted(logger, sourceId, warning.Message);
    }

    private void Clear(string sourceId, SourceState state, string field)
    {
        if (state.Warnings.Remove(field, out var cleared))
        {
            state.Changes++;
            Log.Recovered(logger, sourceId, field, cleared.Selector ?? "");
        }
    }

    private sealed class SourceState
    {
        public RunTally Run { get; set; } = new();

        /// <summary>Per field, the article pages its selector filled and the pages of the runs it filled any.</summary>
        public Dictionary<string, (int Filled, int Pages)> Learned { get; } = new(StringComparer.Ordinal);

        public int MostLinks { get; set; }

        public int Changes { get; set; }

        public Dictionary<string, DriftWarning> Warnings { get; } = new(StringComparer.Ordinal);
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
    }
}
