using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Cli;

/// <summary>The <c>scrape --json</c> document: one object with articles, weather, teasers, links and errors.</summary>
internal static class ScrapeJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Korean text stays readable in the output instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Write(ScrapeOutcome outcome)
    {
        var results = outcome.Pages.Select(p => p.Result).ToList();
        var document = new Document(
            [.. results.Where(r => r.Article is not null).Select(r => ArticleJson.From(r.Article!))],
            [.. results.SelectMany(r => r.Weather).Distinct(WeatherComparer.Instance).Select(WeatherJson.From)],
            [.. results.SelectMany(r => r.Teasers).Distinct().Select(t => new TeaserJson(t.Section, t.Title, t.Url.AbsoluteUri, t.Summary))],
            [.. results.SelectMany(r => r.ArticleLinks).Distinct().Select(u => u.AbsoluteUri)],
            [.. outcome.Errors, .. outcome.Pages.SelectMany(p => p.Result.Errors.Select(e => $"{p.Url}: {e}")),
                .. outcome.Pages.Where(p => p.Result.Article is null && p.Result.ArticleLinks.Count == 0).Select(p => $"{p.Url}: {p.Result.NoArticleReason}")]);
        return JsonSerializer.Serialize(document, Options);
    }

    private sealed record Document(
        IReadOnlyList<ArticleJson> Articles,
        IReadOnlyList<WeatherJson> Weather,
        IReadOnlyList<TeaserJson> Teasers,
        IReadOnlyList<string> Links,
        IReadOnlyList<string> Errors);

    private sealed record ArticleJson(
        string Url, string Title, string? Subtitle, string? Author, DateTimeOffset? Published, DateTimeOffset? Updated,
        string? Category, string? Origin, string? Summary, string Text, string Html, IReadOnlyList<string> Images,
        IReadOnlyDictionary<string, string> Methods)
    {
        public static ArticleJson From(Article a) => new(
            a.Url.AbsoluteUri, a.Title, a.Subtitle, a.Author, a.Published, a.Updated, a.Category, a.Origin, a.Summary,
            a.BodyText, a.BodyHtml, [.. a.Images.Select(i => i.AbsoluteUri)],
            a.Methods.OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary(m => m.Key, m => MethodName(m.Value), StringComparer.Ordinal));
    }

    private sealed record WeatherJson(string? Provider, string? ObservedAt, IReadOnlyList<ReadingJson> Readings)
    {
        public static WeatherJson From(WeatherSnapshot w) => new(
            w.Provider,
            w.ObservedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [.. w.Readings.Select(r => new ReadingJson(r.Station, r.Condition, r.TemperatureC))]);
    }

    private sealed record ReadingJson(string Station, string? Condition, decimal TemperatureC);

    private sealed record TeaserJson(string Section, string Title, string Url, string? Summary);

    public static string MethodName(ExtractionMethod method) => method switch
    {
        ExtractionMethod.Selector => "selector",
        ExtractionMethod.JsonLd => "jsonld",
        ExtractionMethod.Meta => "meta",
        ExtractionMethod.Script => "script",
        _ => "heuristic",
    };

    private sealed class WeatherComparer : IEqualityComparer<WeatherSnapshot>
    {
        public static readonly WeatherComparer Instance = new();

        public bool Equals(WeatherSnapshot? x, WeatherSnapshot? y) =>
            x is not null && y is not null && x.Provider == y.Provider && x.ObservedOn == y.ObservedOn && x.Readings.SequenceEqual(y.Readings);

        public int GetHashCode(WeatherSnapshot obj) => HashCode.Combine(obj.Provider, obj.ObservedOn, obj.Readings.Count);
    }
}
