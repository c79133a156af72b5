using Microsoft.Extensions.Options;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;
using NewsFeedWorker.Topics;

namespace NewsFeedWorker.Publishing;

/// <summary>Reads one feed's items from the store and describes the feed (title, language, ttl); null when no such feed exists.</summary>
public sealed class FeedDocumentBuilder(
    IFeedStore store,
    FeedItemFactory factory,
    CurrentSources sources,
    CurrentTopics topics,
    IOptions<PublishingOptions> options,
    TimeProvider time)
{
    /// <summary>When this worker started: an empty feed's time before any of its sources has run.</summary>
    private readonly DateTimeOffset started = time.GetUtcNow();

    public async Task<FeedDocument?> BuildAsync(FeedDefinition feed, int limit, CancellationToken cancellationToken)
    {
        var document = await BuildContentAsync(feed, limit, cancellationToken);
        if (document is not { Items.Count: 0 })
        {
            return document;
        }

        // Atom requires <updated>, and readers reject 1970: an empty feed is "as of" the last run of its sources, which
        // changes only when they run again (its bytes stay stable between runs), or the worker's start before any run.
        var runs = (await store.GetSourceStatusesAsync(cancellationToken))
            .Where(s => document.SourceIds.Contains(s.SourceId, StringComparer.Ordinal) && s.LastRun is not null)
            .Select(s => s.LastRun!.Value)
            .ToList();
        return document with { EmptySince = runs.Count > 0 ? runs.Max() : started };
    }

    private async Task<FeedDocument?> BuildContentAsync(FeedDefinition feed, int limit, CancellationToken cancellationToken)
    {
        var all = sources();
        var byId = all.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var source = feed.SourceId is { } id ? byId.GetValueOrDefault(id) : null;
        var site = options.Value.SiteTitle;
        switch (feed.Kind)
        {
            case FeedKind.Source when source is not null:
            {
                var articles = await ReadAsync(new ArticleQuery { SourceId = source.Id }, a => !ArticleMatcher.Excluded(source, a), limit, cancellationToken);
                var items = articles.Select(a => factory.FromArticle(a, source)).ToList();
                return Document(feed, source.Name, $"{source.Name} 새 기사 ({site})", Home(source), [source], items);
            }

            case FeedKind.Category:
            {
                var query = new ArticleQuery { CategorySlug = feed.CategorySlug };
                var articles = await ReadAsync(query, a => !ArticleMatcher.Excluded(byId.GetValueOrDefault(a.SourceId), a), limit, cancellationToken);
                var name = articles.SelectMany(a => a.Categories.Append(a.Article.Category ?? ""))
                    .FirstOrDefault(c => CategorySlug.From(c) == feed.CategorySlug)
                    ?? all.SelectMany(s => s.Categories).FirstOrDefault(c => CategorySlug.From(c) == feed.CategorySlug);
                if (name is null)
                {
                    return null;
                }

                var items = articles.Select(a => factory.FromArticle(a, byId.GetValueOrDefault(a.SourceId))).ToList();
                return Document(feed, $"{site} — {name}", $"분류 '{name}'의 새 기사", null, all, items);
            }

            case FeedKind.All when feed.Query is { } keywords:
            {
                var rule = new MatchConditions { All = keywords.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
                var articles = await ReadStoriesAsync(rule, byId, limit, cancellationToken);
                var items = articles.Select(a => factory.FromArticle(a, byId.GetValueOrDefault(a.SourceId))).ToList();
                return Document(feed, $"{site} — {keywords}", $"'{keywords}'이(가) 들어간 기사 (같은 소식은 한 번만)", null, all, items);
            }

            case FeedKind.Topic when topics().FirstOrDefault(t => t.Id == feed.TopicId) is { } topic:
            {
                var articles = await ReadStoriesAsync(topic, byId, limit, cancellationToken);
                var items = articles.Select(a => factory.FromArticle(a, byId.GetValueOrDefault(a.SourceId))).ToList();
                IReadOnlyList<SourceDefinition> behind = topic.Sources.Count == 0 ? all : [.. all.Where(s => topic.Sources.Contains(s.Id))];
                return Document(feed, $"{site} — {topic.Name}", $"주제 '{topic.Name}'의 기사 (같은 소식은 한 번만)", null, behind, items);
            }

            case FeedKind.All:
            {
                var query = new ArticleQuery { CollapseNearDuplicates = true };
                var articles = await ReadAsync(query, a => !ArticleMatcher.Excluded(byId.GetValueOrDefault(a.SourceId), a), limit, cancellationToken);
                var items = articles.Select(a => factory.FromArticle(a, byId.GetValueOrDefault(a.SourceId))).ToList();
                return Document(feed, site, "모든 출처의 새 기사 (같은 소식은 한 번만)", null, all, items);
            }

            case FeedKind.Weather:
            {
                var weather = await store.GetWeatherAsync(null, limit, cancellationToken);
                var items = weather.Select(w => factory.FromWeather(w, byId.GetValueOrDefault(w.SourceId))).ToList();
                return Document(feed, $"{site} — 날씨", "모든 출처의 날씨 정보", null, all, items);
            }

            case FeedKind.SourceWeather when source is not null && source.Weather?.Enabled != false:
            {
                var weather = await store.GetWeatherAsync(source.Id, limit, cancellationToken);
                // Without configured selectors only the generic detector finds widgets: no snapshot yet means no widget.
                if (weather.Count == 0 && source.Weather is null)
                {
                    return null;
                }

                var items = weather.Select(w => factory.FromWeather(w, source)).ToList();
                return Document(feed, $"{source.Name} — 날씨", $"{source.Name}의 날씨 정보", Home(source), [source], items);
            }

            case FeedKind.Corrections:
            {
                var corrections = await store.GetCorrectionsAsync(null, limit, cancellationToken);
                var items = corrections.Select(c => factory.FromCorrection(c, byId.GetValueOrDefault(c.SourceId))).ToList();
                return Document(feed, $"{site} — 수정 / corrections", "모든 출처의 기사 수정 내역 / corrections of every source's articles", null, all, items);
            }

            case FeedKind.SourceCorrections when source is not null:
            {
                var corrections = await store.GetCorrectionsAsync(source.Id, limit, cancellationToken);
                var items = corrections.Select(c => factory.FromCorrection(c, source)).ToList();
                return Document(feed, $"{source.Name} — 수정 / corrections", $"{source.Name} 기사 수정 내역 / corrections", Home(source), [source], items);
            }

            default:
                return null;
        }
    }

    /// <summary>
    /// The newest <paramref name="limit"/> articles of the query that <paramref name="keep"/> accepts: one query when
    /// nothing is dropped, else reads four times as many again until the feed is full, the store has no more, or
    /// <see cref="MaxScan"/> articles were read.
    /// </summary>
    private Task<List<StoredArticle>> ReadAsync(ArticleQuery query, Func<StoredArticle, bool> keep, int limit, CancellationToken cancellationToken) =>
        ReadAsync(query, rows => rows.Where(keep), limit, cancellationToken);

    /// <summary>
    /// Every story with an article that meets <paramref name="rule"/> (and is not excluded by its source), newest first,
    /// once: the first copy when it matches too, else the newest copy that does; each item links the story's other copies.
    /// </summary>
    private Task<List<StoredArticle>> ReadStoriesAsync(
        MatchConditions rule, Dictionary<string, SourceDefinition> byId, int limit, CancellationToken cancellationToken) =>
        ReadAsync(new ArticleQuery(), rows =>
        {
            var matching = rows.Where(a => !ArticleMatcher.Excluded(byId.GetValueOrDefault(a.SourceId), a) && ArticleMatcher.Explain(rule, a) is not null);
            return matching
                .GroupBy(a => a.NearDuplicateOf ?? a.Id, StringComparer.Ordinal)
                .Select(story => story.FirstOrDefault(a => a.NearDuplicateOf is null) ?? story.First());
        }, limit, cancellationToken);

    private async Task<List<StoredArticle>> ReadAsync(
        ArticleQuery query, Func<IReadOnlyList<StoredArticle>, IEnumerable<StoredArticle>> select, int limit, CancellationToken cancellationToken)
    {
        var ask = limit;
        while (true)
        {
            var rows = await store.GetArticlesAsync(query with { Limit = ask }, cancellationToken);
            var kept = select(rows).Take(limit).ToList();
            if (kept.Count >= limit || rows.Count < ask || ask >= MaxScan)
            {
                return kept;
            }

            ask = Math.Min(ask * 4, MaxScan);
        }
    }

    /// <summary>Most articles one filtered feed reads (a rule that drops nearly everything costs at most this).</summary>
    public const int MaxScan = 5000;

    /// <summary>A source's site root, the feed's home link.</summary>
    public static Uri? Home(SourceDefinition source) =>
        source.StartUrls.FirstOrDefault(u => u.IsAbsoluteUri) is { } start ? new Uri(start.GetLeftPart(UriPartial.Authority) + "/") : null;

    /// <summary>The shortest schedule among the sources behind a feed: readers need not poll more often than that.</summary>
    public static TimeSpan TimeToLive(IEnumerable<SourceDefinition> sources)
    {
        var intervals = sources.Where(s => s.Enabled).Select(SourceSchedule.Interval).ToList();
        return intervals.Count == 0 ? SourceSchedule.Fallback : intervals.Min();
    }

    private FeedDocument Document(
        FeedDefinition feed, string title, string description, Uri? home, IReadOnlyList<SourceDefinition> behind, List<FeedItem> items)
    {
        // One language for the feed only when every source (or item) agrees on it.
        var languages = behind.Count == 1 && behind[0].Language is { } own
            ? [own]
            : items.Select(i => i.Language).Concat(behind.Select(s => s.Language)).Where(l => l is not null).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new FeedDocument
        {
            Definition = feed,
            Title = XmlText.Clean(title),
            Description = XmlText.Clean(description),
            HomeLink = home,
            Language = languages.Count == 1 ? languages[0] : null,
            TimeToLive = TimeToLive(behind),
            AuthorName = XmlText.Clean(behind.Count == 1 ? behind[0].Name : options.Value.SiteTitle),
            Items = items,
            SourceIds = [.. behind.Select(s => s.Id)],
        };
    }
}
