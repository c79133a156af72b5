using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsFeedWorker.Drift;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>
/// The preview page at <c>/sources/{id}</c>: the source's latest articles as a reader sees them (with the method that
/// extracted each field), its weather snapshot, its last run, drift warnings and the source block in force. Every
/// scraped value is written as encoded text (bodies as their plain-text paragraphs), and the page's policy allows no
/// script at all.
/// </summary>
public static class SourcePage
{
    /// <summary>No script of any origin, no frames, no forms; images (the articles' own) from anywhere.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const int ParagraphsShown = 3;

    private const string ExtraCss = """
        article.preview{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 18px;margin:0 0 14px}
        article.preview h3{margin:0 0 4px;font-size:18px}.meta{color:var(--muted);font-size:13px;margin:0 0 8px}
        article.preview img{max-width:240px;max-height:160px;float:right;margin:0 0 8px 12px;border-radius:6px}
        .methods{clear:both;color:var(--muted);font-size:12px}pre{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px;overflow:auto;font-size:13px}
        dl.run{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}dl.run dt{color:var(--muted)}
        """;

    private static readonly JsonSerializerOptions BlockJson = new(SourcesJson.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Render(
        SourceDefinition source, IReadOnlyList<StoredArticle> articles, StoredWeather? weather, SourceStatus? status,
        IReadOnlyList<DriftWarning> drift, FeedLinks links, string siteTitle)
    {
        var zone = FeedItemFactory.Zone(source);
        var html = new StringBuilder(32 * 1024);
        html.Append("<!doctype html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(Encode(source.Name)).Append(" 미리보기 - ").Append(Encode(siteTitle)).Append("</title>\n")
            .Append("<style>").Append(IndexPage.Css).Append(ExtraCss).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<p class=\"sub\"><a href=\"").Append(Encode(links.BaseUrl.AbsoluteUri)).Append("\">← 전체 피드</a></p>\n")
            .Append("<h1>").Append(Encode(source.Name)).Append("</h1>\n<p class=\"sub\">")
            .Append(Encode(source.Id)).Append(" · ").Append(source.Selectors is null ? "일반 추출" : "선택자 지정").Append(" · 구독 ");
        foreach (var format in FeedFormats.All)
        {
            html.Append("<a href=\"").Append(Encode(links.Self(FeedDefinition.ForSource(source.Id), format).AbsoluteUri)).Append("\">")
                .Append(format.ToString().ToUpperInvariant()).Append("</a> ");
        }

        html.Append("</p>\n");
        AppendDrift(html, drift, zone);
        AppendRun(html, status, zone);
        AppendArticles(html, articles, zone);
        AppendWeather(html, weather, zone);
        html.Append("<h2>적용 중인 설정</h2>\n<pre>").Append(Encode(JsonSerializer.Serialize(source, BlockJson))).Append("</pre>\n")
            .Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendDrift(StringBuilder html, IReadOnlyList<DriftWarning> drift, TimeZoneInfo zone)
    {
        if (drift.Count == 0)
        {
            return;
        }

        html.Append("<h2>선택자 불일치</h2>\n<ul class=\"drift\">\n");
        foreach (var warning in drift)
        {
            html.Append("<li><span class=\"err\">").Append(Encode(warning.Message)).Append("</span> <span class=\"when\">(")
                .Append(IndexPage.When(warning.Since, zone)).Append("부터, 일반 추출로 대체 중)</span></li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void AppendRun(StringBuilder html, SourceStatus? status, TimeZoneInfo zone)
    {
        html.Append("<h2>최근 실행</h2>\n<dl class=\"run\">")
            .Append("<dt>최근 실행</dt><dd>").Append(IndexPage.When(status?.LastRun, zone)).Append("</dd>")
            .Append("<dt>최근 성공</dt><dd>").Append(IndexPage.When(status?.LastSuccess, zone)).Append("</dd>")
            .Append("<dt>연속 실패</dt><dd>").Append(Number(status?.ConsecutiveFailures)).Append("회</dd>")
            .Append("<dt>실패한 페이지</dt><dd>").Append(Number(status?.FailedPages)).Append("</dd>")
            .Append("<dt>24시간 기사</dt><dd>").Append(Number(status?.ArticlesLast24h)).Append("</dd>")
            .Append("<dt>저장된 기사</dt><dd>").Append(Number(status?.TotalArticles)).Append("</dd>");
        if (status?.LastError is { } error)
        {
            html.Append("<dt>최근 오류</dt><dd><span class=\"when\">").Append(IndexPage.When(status.LastErrorAt, zone))
                .Append("</span> <span class=\"err\">").Append(Encode(error)).Append("</span></dd>");
        }

        html.Append("</dl>\n");
    }

    private static void AppendArticles(StringBuilder html, IReadOnlyList<StoredArticle> articles, TimeZoneInfo zone)
    {
        html.Append("<h2>최근 기사</h2>\n");
        if (articles.Count == 0)
        {
            html.Append("<p class=\"sub\">아직 저장된 기사가 없습니다.</p>\n");
            return;
        }

        foreach (var stored in articles)
        {
            var article = stored.Article;
            html.Append("<article class=\"preview\">");
            if (article.LeadImage is { Scheme: "http" or "https" } image)
            {
                html.Append("<img src=\"").Append(Encode(image.AbsoluteUri)).Append("\" alt=\"\" loading=\"lazy\">");
            }

            html.Append("<h3><a href=\"").Append(Encode(SafeLink(article.Url))).Append("\" rel=\"noopener noreferrer\">").Append(Encode(article.Title)).Append("</a></h3>");
            if (article.Subtitle is { } subtitle)
            {
                html.Append("<p class=\"meta\">").Append(Encode(subtitle)).Append("</p>");
            }

            html.Append("<p class=\"meta\">").Append(IndexPage.When(article.Published ?? stored.FirstSeen, zone));
            foreach (var part in new[] { article.Author, article.Category, article.Origin is { } origin ? "출처 " + origin : null })
            {
                if (part is not null)
                {
                    html.Append(" · ").Append(Encode(part));
                }
            }

            html.Append("</p>");
            foreach (var paragraph in article.BodyText.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(ParagraphsShown))
            {
                html.Append("<p>").Append(Encode(paragraph)).Append("</p>");
            }

            html.Append("<p class=\"methods\">추출 방법: ")
                .Append(Encode(string.Join(", ", article.Methods.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {Method(m.Value)}"))))
                .Append("</p></article>\n");
        }
    }

    private static void AppendWeather(StringBuilder html, StoredWeather? weather, TimeZoneInfo zone)
    {
        if (weather is null)
        {
            return;
        }

        html.Append("<h2>날씨</h2>\n<p class=\"sub\">").Append(IndexPage.When(weather.SeenAt, zone));
        if (weather.Snapshot.Provider is { } provider)
        {
            html.Append(" · ").Append(Encode(provider)).Append(" 제공");
        }

        html.Append("</p>\n<table>\n<thead><tr><th>지역</th><th>날씨</th><th>기온</th></tr></thead>\n<tbody>\n");
        foreach (var reading in weather.Snapshot.Readings)
        {
            html.Append("<tr><td>").Append(Encode(reading.Station)).Append("</td><td>").Append(Encode(reading.Condition ?? "–"))
                .Append("</td><td class=\"num\">").Append(reading.TemperatureC.ToString("0.0", CultureInfo.InvariantCulture)).Append("℃</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Method(ExtractionMethod method) => method switch
    {
        ExtractionMethod.Selector => "선택자",
        ExtractionMethod.JsonLd => "JSON-LD",
        ExtractionMethod.Meta => "메타",
        ExtractionMethod.Script => "스크립트",
        _ => "추정",
    };

    /// <summary>Only web links are links: a stored URL of another scheme (javascript:, data:) is shown inert.</summary>
    private static string SafeLink(Uri url) => url.Scheme is "http" or "https" ? url.AbsoluteUri : "#";

    private static string Number(int? value) => (value ?? 0).ToString(CultureInfo.InvariantCulture);

    private static string Encode(string text) => IndexPage.Encode(text);
}
