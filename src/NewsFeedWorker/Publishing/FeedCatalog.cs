using Microsoft.Extensions.Options;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Publishing;

/// <summary>Every feed that exists now: combined, weather, one per source (and its weather), one per category seen.</summary>
public sealed class FeedCatalog(IFeedStore store, CurrentSources sources, CurrentTopics topics, IOptions<PublishingOptions> options)
{
    public async Task<IReadOnlyList<FeedEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var all = sources();
        var site = options.Value.SiteTitle;
        var scan = options.Value.MaxItemCount;
        var weather = await store.GetWeatherAsync(null, scan, cancellationToken);
        var withWeather = weather.Select(w => w.SourceId).ToHashSet(StringComparer.Ordinal);
        var recent = await store.GetArticlesAsync(new ArticleQuery { Limit = scan }, cancellationToken);

        var feeds = new List<FeedEntry> { new(FeedDefinition.All, site, null, "전체 기사 (같은 소식은 한 번)") };
        if (withWeather.Count > 0 || all.Any(s => s.Weather is { Enabled: true }))
        {
            feeds.Add(new(FeedDefinition.Weather, $"{site} — 날씨", null, "날씨 (모든 출처)"));
        }

        feeds.Add(new(FeedDefinition.Corrections, $"{site} — 수정 / corrections", null, "기사 수정 (모든 출처) / corrections"));
        feeds.AddRange(topics().Select(t => new FeedEntry(FeedDefinition.ForTopic(t.Id), $"{site} — {t.Name}", null, t.Name)));
        foreach (var source in all.DistinctBy(s => s.Id))
        {
            var home = FeedDocumentBuilder.Home(source);
            feeds.Add(new(FeedDefinition.ForSource(source.Id), source.Name, home, source.Name));
            feeds.Add(new(FeedDefinition.ForSourceCorrections(source.Id), $"{source.Name} — 수정 / corrections", home, $"{source.Name} 수정"));
            if (source.Weather?.Enabled != false && (withWeather.Contains(source.Id) || source.Weather is not null))
            {
                feeds.Add(new(FeedDefinition.ForSourceWeather(source.Id), $"{source.Name} — 날씨", home, $"{source.Name} 날씨"));
            }
        }

        // Configured categories first (stable order), then those pages carried, newest first.
        var categories = all.SelectMany(s => s.Categories)
            .Concat(recent.SelectMany(a => a.Categories.Append(a.Article.Category ?? "")))
            .Select(c => (Name: c.Trim(), Slug: CategorySlug.From(c)))
            .Where(c => c.Slug.Length > 0)
            .DistinctBy(c => c.Slug, StringComparer.Ordinal);
        feeds.AddRange(categories.Select(c => new FeedEntry(FeedDefinition.ForCategory(c.Slug), $"{site} — {c.Name}", null, c.Name)));
        return feeds;
    }
}
