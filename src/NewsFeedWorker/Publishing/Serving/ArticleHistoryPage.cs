using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>
/// <c>/articles/{id}</c>: an article as it is now and every correction it had, each a word-level diff against the
/// version before it (Korean and English UI text); <c>/articles/{id}.json</c> gives the versions as data. Everything
/// scraped is shown as encoded text, never as the page's HTML, and the page is served with a policy that allows no
/// script at all.
/// </summary>
public static class ArticleHistoryPage
{
    /// <summary>No script, frame, form or remote resource: the page is text and its own style sheet.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string Css = """
        :root{color-scheme:light dark;--fg:#1d2430;--muted:#5b6575;--line:#dfe3ea;--card:#fff;--bg:#f5f7fa;--accent:#0b5fff;--del:#ffe1e1;--ins:#dcf5e1}
        @media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#9aa3b2;--line:#2c3340;--card:#171c24;--bg:#0f1318;--accent:#6ea0ff;--del:#5a1f24;--ins:#1c4a2a}}
        *{box-sizing:border-box}body{margin:0;font:16px/1.65 system-ui,-apple-system,"Apple SD Gothic Neo","Noto Sans KR","Malgun Gothic",sans-serif;color:var(--fg);background:var(--bg)}
        main{max-width:860px;margin:0 auto;padding:28px 20px 48px}h1{margin:0 0 6px;font-size:26px;line-height:1.3}h2{font-size:18px;margin:32px 0 10px}
        .sub{color:var(--muted);margin:0}a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
        section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:4px 18px;margin:0 0 14px}
        h3{font-size:15px;margin:12px 0 4px}del{background:var(--del);text-decoration:line-through}ins{background:var(--ins);text-decoration:none}
        p.same{color:var(--muted)}p.more{color:var(--muted)}
        """;

    public static string Render(ArticleHistory history, SourceDefinition? source, FeedLinks links)
    {
        var current = history.Current;
        var article = current.Article;
        var zone = FeedItemFactory.Zone(source);
        var html = new StringBuilder(8 * 1024);
        html.Append("<!doctype html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>수정 이력 / Revision history — ").Append(Encode(article.Title)).Append("</title>\n")
            .Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<p class=\"sub\"><a href=\"").Append(Encode(links.BaseUrl.AbsoluteUri)).Append("\">← 피드 목록 / feeds</a></p>\n")
            .Append("<h1>").Append(Encode(article.Title)).Append("</h1>\n<p class=\"sub\">")
            .Append(Encode(source?.Name ?? current.SourceId)).Append(" · <a rel=\"noopener noreferrer nofollow\" href=\"")
            .Append(Encode(IsHttp(article.Url) ? article.Url.AbsoluteUri : "about:blank")).Append("\">원문 / original</a> · 처음 본 시각 / first seen ")
            .Append(When(current.FirstSeen, zone)).Append("</p>\n");

        html.Append("<h2>수정 이력 / Revisions (").Append(history.Revisions.Count.ToString(CultureInfo.InvariantCulture)).Append(")</h2>\n");
        if (history.Revisions.Count == 0)
        {
            html.Append("<p class=\"none\">아직 수정되지 않았습니다. / No corrections seen yet.</p>\n");
        }

        // Newest correction first: revision n was replaced by revision n + 1, the last one by the current version.
        for (var i = history.Revisions.Count - 1; i >= 0; i--)
        {
            var revision = history.Revisions[i];
            var after = i + 1 < history.Revisions.Count ? history.Revisions[i + 1].Article : article;
            html.Append("<section class=\"revision\">\n<h3>").Append(When(revision.ReplacedAt, zone)).Append(" — ")
                .Append(Encode(RevisionDiff.Name(revision.Changed))).Append("</h3>\n")
                .Append(RevisionDiff.Html(revision.Article, after, unchangedParagraphs: true))
                .Append("</section>\n");
        }

        html.Append("<h2>현재 기사 / Current version</h2>\n<section class=\"current\">\n");
        if (!string.IsNullOrWhiteSpace(article.Subtitle))
        {
            html.Append("<p><strong>").Append(Encode(article.Subtitle)).Append("</strong></p>\n");
        }

        foreach (var paragraph in article.BodyText.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
        }

        return html.Append("</section>\n</main>\n</body>\n</html>\n").ToString();
    }

    /// <summary>
    /// <c>{"id","url","source","revisions":[{"seenAt","title","subtitle","author","published","updated","text"}]}</c>,
    /// oldest first, the last one the current version.
    /// </summary>
    public static byte[] Json(ArticleHistory history)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("id", history.Current.Id);
            json.WriteString("url", history.Current.Article.Url.AbsoluteUri);
            json.WriteString("source", history.Current.SourceId);
            json.WriteStartArray("revisions");
            foreach (var revision in history.Revisions)
            {
                Version(json, revision.SeenAt, revision.Article);
            }

            Version(json, history.Current.RevisedAt ?? history.Current.FirstSeen, history.Current.Article);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Version(Utf8JsonWriter json, DateTimeOffset seenAt, Parsing.Article article)
    {
        json.WriteStartObject();
        json.WriteString("seenAt", seenAt);
        json.WriteString("title", XmlText.Clean(article.Title));
        Optional(json, "subtitle", article.Subtitle);
        Optional(json, "author", article.Author);
        if (article.Published is { } published)
        {
            json.WriteString("published", published);
        }
        else
        {
            json.WriteNull("published");
        }

        if (article.Updated is { } updated)
        {
            json.WriteString("updated", updated);
        }
        else
        {
            json.WriteNull("updated");
        }

        json.WriteString("text", XmlText.Clean(article.BodyText));
        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, XmlText.Clean(value));
        }
    }

    private static bool IsHttp(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static string When(DateTimeOffset at, TimeZoneInfo zone) =>
        Encode(TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    private static string Encode(string text) => WebUtility.HtmlEncode(XmlText.Clean(text));
}
