using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Suggesting;

/// <summary>
/// Writes a source block in the shape of <c>config/sources.json</c>: camelCase keys in the README's order, only the
/// keys that differ from their defaults, readable Korean, and (for a file) a <c>//</c> comment per key left out.
/// </summary>
internal static class SourceBlockJson
{
    private static readonly JsonSerializerOptions Strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(SourceDefinition source, IReadOnlyList<Omission> omitted, bool comments, string indent = "")
    {
        var top = new List<(string Key, string Value)>
        {
            ("id", Quote(source.Id)),
            ("name", Quote(source.Name)),
            ("schedule", Quote(source.Schedule)),
        };
        if (source.TimeZone != "Asia/Seoul")
        {
            top.Add(("timeZone", Quote(source.TimeZone)));
        }

        if (source.Language is { } language)
        {
            top.Add(("language", Quote(language)));
        }

        top.Add(("startUrls", List(source.StartUrls.Select(u => u.AbsoluteUri))));
        if (source.Encoding is { } encoding)
        {
            top.Add(("encoding", Quote(encoding)));
        }

        var links = Pairs(("selector", source.ArticleLinks.Selector), ("urlPattern", source.ArticleLinks.UrlPattern), ("nextPage", source.ArticleLinks.NextPage));
        if (links.Count > 0)
        {
            top.Add(("articleLinks", Object(links, Comments(omitted, "articleLinks", comments), indent + "  ")));
        }

        if (source.Selectors is { } s)
        {
            var fields = Pairs(("title", s.Title), ("subtitle", s.Subtitle), ("author", s.Author), ("published", s.Published), ("updated", s.Updated),
                ("category", s.Category), ("body", s.Body), ("credit", s.Credit), ("leadImage", s.LeadImage));
            if (s.Remove.Count > 0)
            {
                fields.Add(("remove", List(s.Remove)));
            }

            if (s.TeaserBlock is { } teaser)
            {
                fields.Add(("teaserBlock", Quote(teaser)));
            }

            top.Add(("selectors", Object(fields, Comments(omitted, null, comments), indent + "  ")));
        }

        if (source.Weather is { } w)
        {
            top.Add(("weather", Object(Pairs(("container", w.Container), ("item", w.Item), ("station", w.Station), ("condition", w.Condition), ("temperature", w.Temperature),
                ("date", w.Date), ("provider", w.Provider)), Comments(omitted, "weather.", comments), indent + "  ")));
        }

        if (source.DateFormats.Count > 0)
        {
            top.Add(("dateFormats", List(source.DateFormats)));
        }

        var extra = source.Selectors is null ? Comments(omitted, null, comments) : [];
        return Object(top, extra, indent);
    }

    /// <summary>The comments of one object: with a prefix those of its keys (articleLinks, weather.), else all others.</summary>
    private static List<string> Comments(IReadOnlyList<Omission> omitted, string? prefix, bool comments) => !comments ? [] :
        [.. omitted.Where(o => prefix is null ? !o.Key.StartsWith("articleLinks", StringComparison.Ordinal) && !o.Key.StartsWith("weather.", StringComparison.Ordinal) : o.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(o => $"// {o.Key} left out: {o.Reason.ReplaceLineEndings(" ")}")];

    private static List<(string, string)> Pairs(params (string Key, string? Value)[] pairs) =>
        [.. pairs.Where(p => p.Value is not null).Select(p => (p.Key, Quote(p.Value!)))];

    private static string Object(List<(string Key, string Value)> pairs, IReadOnlyList<string> comments, string indent)
    {
        var inner = indent + "  ";
        var builder = new StringBuilder("{").Append('\n');
        for (var i = 0; i < pairs.Count; i++)
        {
            builder.Append(inner).Append(Quote(pairs[i].Key)).Append(": ").Append(pairs[i].Value).Append(i < pairs.Count - 1 ? "," : "").Append('\n');
        }

        foreach (var comment in comments)
        {
            builder.Append(inner).Append(comment).Append('\n');
        }

        return builder.Append(indent).Append('}').ToString();
    }

    private static string List(IEnumerable<string> values) => "[ " + string.Join(", ", values.Select(Quote)) + " ]";

    private static string Quote(string value) => JsonSerializer.Serialize(value, Strings);
}
