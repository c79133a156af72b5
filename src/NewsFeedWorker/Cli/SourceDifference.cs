using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Cli;

/// <summary>What <c>suggest --for</c> would change in a source: each selector key, current and proposed.</summary>
internal static class SourceDifference
{
    public static void Write(TextWriter output, SourceDefinition current, SourceDefinition proposed)
    {
        var changes = Keys(current).FullJoin(Keys(proposed)).Where(k => k.Current != k.Proposed).ToList();
        output.WriteLine(changes.Count == 0
            ? $"suggest --for {current.Id}: the proposed selectors are those in force."
            : $"suggest --for {current.Id}: {changes.Count} keys change (- in force, + proposed):");
        foreach (var (key, was, now) in changes)
        {
            if (was is not null)
            {
                output.WriteLine($"  - {key}: {was}");
            }

            if (now is not null)
            {
                output.WriteLine($"  + {key}: {now}");
            }
        }

        output.WriteLine();
    }

    private static IEnumerable<(string Key, string Current, string Proposed)> FullJoin(this Dictionary<string, string> current, Dictionary<string, string> proposed) =>
        current.Keys.Union(proposed.Keys).Select(k => (k, current.GetValueOrDefault(k)!, proposed.GetValueOrDefault(k)!));

    private static Dictionary<string, string> Keys(SourceDefinition source)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                keys[key] = value;
            }
        }

        Add("articleLinks.selector", source.ArticleLinks.Selector);
        Add("articleLinks.urlPattern", source.ArticleLinks.UrlPattern);
        Add("articleLinks.nextPage", source.ArticleLinks.NextPage);
        if (source.Selectors is { } s)
        {
            Add("selectors.title", s.Title);
            Add("selectors.subtitle", s.Subtitle);
            Add("selectors.author", s.Author);
            Add("selectors.published", s.Published);
            Add("selectors.updated", s.Updated);
            Add("selectors.category", s.Category);
            Add("selectors.summary", s.Summary);
            Add("selectors.body", s.Body);
            Add("selectors.credit", s.Credit);
            Add("selectors.leadImage", s.LeadImage);
            Add("selectors.remove", s.Remove.Count > 0 ? string.Join(", ", s.Remove) : null);
            Add("selectors.teaserBlock", s.TeaserBlock);
        }

        Add("weather.container", source.Weather?.Container);
        return keys;
    }
}
