using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing;

/// <summary>
/// The boundary where parsed text enters the product: every text of a parse result is made valid Unicode
/// (<see cref="UnicodeText"/>) and cut to the lengths below, so one hostile page cannot grow the store, an export or a
/// feed without bound (a page with a 1 MiB title made a 54 MB feed). The lengths are far above what real articles
/// use (Korean headlines stay under 100 characters, long-form bodies under 60,000); docs/configuration.md lists them.
/// </summary>
public static class FieldLimits
{
    public const int Title = 500;
    public const int Subtitle = 1_000;
    public const int Author = 200;
    public const int Category = 100;
    public const int Summary = 1_000;
    public const int Origin = 200;
    public const int Language = 35;
    public const int BodyText = 200_000;
    public const int BodyHtml = 400_000;
    public const int Images = 100;
    public const int Url = 2_048;

    /// <summary>Weather station, condition and provider names.</summary>
    public const int WeatherName = 100;

    public static PageParseResult Apply(PageParseResult result) => result with
    {
        Article = result.Article is { } article ? Apply(article) : null,
        Teasers = [.. result.Teasers.Select(t => t with
        {
            Section = Line(t.Section, Category),
            Title = Line(t.Title, Title),
            Summary = LineOrNull(t.Summary, Summary),
        })],
        Weather = [.. result.Weather.Select(w => w with
        {
            Provider = LineOrNull(w.Provider, WeatherName),
            Readings = [.. w.Readings.Select(r => r with { Station = Line(r.Station, WeatherName), Condition = LineOrNull(r.Condition, WeatherName) })],
        })],
    };

    public static Article Apply(Article article) => article with
    {
        Title = Line(article.Title, Title),
        Subtitle = LineOrNull(article.Subtitle, Subtitle),
        Author = LineOrNull(article.Author, Author),
        Category = LineOrNull(article.Category, Category),
        Summary = LineOrNull(article.Summary, Summary),
        Origin = LineOrNull(article.Origin, Origin),
        Language = LineOrNull(article.Language, Language),
        BodyText = Cut(UnicodeText.Valid(article.BodyText), BodyText),
        BodyHtml = CutHtml(UnicodeText.Valid(article.BodyHtml), BodyHtml),
        LeadImage = article.LeadImage is { } image && image.OriginalString.Length <= Url ? image : null,
        Images = [.. article.Images.Where(i => i.OriginalString.Length <= Url).Take(Images)],
    };

    private static string Line(string text, int limit) => Cut(UnicodeText.OneLine(text), limit, "…");

    private static string? LineOrNull(string? text, int limit) => text is null ? null : Line(text, limit);

    /// <summary>At most <paramref name="limit"/> characters, never half a surrogate pair.</summary>
    private static string Cut(string text, int limit, string ellipsis = "")
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var cut = limit - ellipsis.Length;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), ellipsis);
    }

    /// <summary>Cut before the last tag that would be split; the publisher's sanitizer closes what stays open.</summary>
    private static string CutHtml(string html, int limit)
    {
        if (html.Length <= limit)
        {
            return html;
        }

        var lastTag = html.LastIndexOf('<', limit - 1);
        return Cut(html, lastTag > 0 ? lastTag : limit);
    }
}
