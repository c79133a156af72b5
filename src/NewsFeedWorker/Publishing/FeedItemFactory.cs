using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Dedupe;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Publishing;

/// <summary>Turns stored articles and weather snapshots into feed items: stable ids, dates that never fall back to "now", safe HTML.</summary>
public sealed class FeedItemFactory(ContentSanitizer sanitizer, IOptions<PublishingOptions> options)
{
    private const int SummaryLength = 280;
    private const string CreditLabel = "뉴스출처";

    public FeedItem FromArticle(StoredArticle stored, SourceDefinition? source)
    {
        var article = stored.Article;
        // A missing date falls back to the persisted first-seen time, which a re-run never changes.
        var published = article.Published ?? stored.FirstSeen;
        // Only a material change (a correction) moves it: a re-wrapped paragraph or a new tracking parameter is no news.
        var updated = Max(article.Updated ?? published, stored.RevisedAt ?? published);
        var categories = stored.Categories.Count > 0 ? stored.Categories : article.Category is { } c ? [c] : [];

        return new FeedItem
        {
            Id = StableId.ToIri(stored.Id),
            Title = Text(article.Title) is { Length: > 0 } title ? title : article.Url.AbsoluteUri,
            Link = SafeLink(article.Url, source),
            Published = published,
            Updated = updated < published ? published : updated,
            Author = NullIfEmpty(Text(article.Author)),
            Categories = [.. categories.Select(Text).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)],
            Summary = Summary(stored),
            ContentHtml = sanitizer.Sanitize(CorrectionNote(stored, source) + ContentHtml(stored), article.Url),
            Image = article.LeadImage is { } image && IsHttp(image)
                ? new FeedImage(image, ImageMediaType.FromUrl(image), null)
                : null,
            RelatedLinks = [.. stored.RelatedLinks.Where(IsHttp)],
            Language = article.Language ?? source?.Language,
            SourceId = stored.SourceId,
            SourceName = source is null ? null : Text(source.Name),
            HistoryId = stored.Id,
        };
    }

    /// <summary>
    /// One correction: its own id (per revision), the article's title (as corrected) and link, the time it was seen,
    /// and what changed (old → new title, paragraphs added, removed or changed with the words marked).
    /// </summary>
    public FeedItem FromCorrection(ArticleCorrection correction, SourceDefinition? source)
    {
        var after = correction.After;
        var title = Text(after.Title) is { Length: > 0 } t ? t : after.Url.AbsoluteUri;
        var changed = RevisionDiff.Name(correction.Changed);
        return new FeedItem
        {
            Id = StableId.ToIri($"{correction.ArticleId}#revision-{correction.Seq.ToString(CultureInfo.InvariantCulture)}"),
            Title = $"[수정] {title}",
            Link = SafeLink(after.Url, source),
            Published = correction.SeenAt,
            Updated = correction.SeenAt,
            Summary = NullIfEmpty(Text($"수정됨 / corrected: {changed}")),
            ContentHtml = sanitizer.Sanitize(RevisionDiff.Html(correction.Before, after), after.Url),
            Categories = ["수정"],
            Language = after.Language ?? source?.Language,
            SourceId = correction.SourceId,
            SourceName = source is null ? null : Text(source.Name),
            HistoryId = correction.ArticleId,
        };
    }

    public FeedItem FromWeather(StoredWeather weather, SourceDefinition? source)
    {
        var zone = Zone(source);
        var home = source?.StartUrls.FirstOrDefault(IsHttp);
        return new FeedItem
        {
            Id = StableId.ToIri(weather.Id),
            Title = Text(WeatherPresentation.Title(weather, zone)),
            // Weather has no page of its own: the source page it was read from, told apart by a fragment.
            Link = home is null
                ? new Uri(StableId.ToIri(weather.Id))
                : new Uri(home, $"#weather-{WeatherPresentation.Date(weather, zone):yyyy-MM-dd}"),
            Published = weather.SeenAt,
            Updated = weather.SeenAt,
            Author = NullIfEmpty(Text(weather.Snapshot.Provider)),
            Categories = ["날씨"],
            Summary = Text(string.Join(", ", weather.Snapshot.Readings.Select(WeatherPresentation.Reading))),
            ContentHtml = sanitizer.Sanitize(WeatherPresentation.Table(weather, zone), home),
            Language = source?.Language ?? "ko",
            SourceId = weather.SourceId,
            SourceName = source is null ? null : Text(source.Name),
        };
    }

    public static TimeZoneInfo Zone(SourceDefinition? source) =>
        source is not null && TimeZoneInfo.TryFindSystemTimeZoneById(source.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>With <see cref="PublishingOptions.CorrectionNote"/>: "수정됨 / updated (time): what changed" above a corrected article.</summary>
    private string CorrectionNote(StoredArticle stored, SourceDefinition? source) =>
        options.Value.CorrectionNote && stored.RevisedAt is { } at
            ? "<p><em>수정됨 / updated " + WebUtility.HtmlEncode(TimeZoneInfo.ConvertTime(at, Zone(source)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
              + (stored.RevisedFields.Count > 0 ? ": " + WebUtility.HtmlEncode(RevisionDiff.Name(stored.RevisedFields)) : "") + "</em></p>"
            : "";

    private static string ContentHtml(StoredArticle stored)
    {
        var article = stored.Article;
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(article.Subtitle))
        {
            sb.Append("<p><strong>").Append(WebUtility.HtmlEncode(article.Subtitle.Trim())).Append("</strong></p>");
        }

        if (article.LeadImage is { } image && !article.BodyHtml.Contains(image.AbsoluteUri, StringComparison.Ordinal))
        {
            sb.Append("<figure><img src=\"").Append(WebUtility.HtmlEncode(image.AbsoluteUri)).Append("\" alt=\"\"></figure>");
        }

        sb.Append(article.BodyHtml);
        // The credit line is kept out of the body by the parser; put it back unless the body still carries one.
        if (!string.IsNullOrWhiteSpace(article.Origin) && !article.BodyText.Contains(CreditLabel, StringComparison.Ordinal))
        {
            sb.Append("<p>[").Append(CreditLabel).Append(" : ").Append(WebUtility.HtmlEncode(article.Origin.Trim())).Append("]</p>");
        }

        var related = stored.RelatedLinks.Where(IsHttp).ToList();
        if (related.Count > 0)
        {
            sb.Append("<p>같은 소식의 다른 보도:</p><ul>");
            foreach (var link in related)
            {
                sb.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(link.AbsoluteUri)).Append("\">")
                    .Append(WebUtility.HtmlEncode(link.Host)).Append("</a></li>");
            }

            sb.Append("</ul>");
        }

        return sb.ToString();
    }

    private static string? Summary(StoredArticle stored)
    {
        var article = stored.Article;
        var text = article.Summary ?? article.Subtitle;
        if (string.IsNullOrWhiteSpace(text))
        {
            text = article.BodyText.Trim();
            if (text.Length > SummaryLength)
            {
                // Cut at a space and never inside a surrogate pair.
                var cut = text.LastIndexOf(' ', SummaryLength);
                cut = cut > SummaryLength / 2 ? cut : SummaryLength;
                if (char.IsHighSurrogate(text[cut - 1]))
                {
                    cut--;
                }

                text = text[..cut].TrimEnd() + "…";
            }
        }

        return NullIfEmpty(Text(text));
    }

    private static Uri SafeLink(Uri url, SourceDefinition? source) =>
        IsHttp(url) ? url : source?.StartUrls.FirstOrDefault(IsHttp) ?? new Uri("about:blank");

    private static bool IsHttp(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// Plain text for titles, names and summaries: XML-safe, on one line, and without leaked markup (tags in
    /// extracted text are page debris; some readers render these fields as HTML, so none may reach them).
    /// </summary>
    private static string Text(string? text) =>
        text is null ? "" : string.Join(' ', Markup.Replace(XmlText.Clean(text), " ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Non-backtracking, so linear in the text: the backtracking form searched to the end of the text for a closing tag at
    /// every <c>&lt;script</c>, and a title of 20,000 of them held every feed for a minute. (No back-reference, which
    /// that engine lacks: script and style are spelled out.)
    /// </summary>
    private static readonly Regex Markup = new(
        @"<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|</?[A-Za-z][^<>]*>",
        RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
