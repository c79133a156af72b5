using System.Globalization;
using System.Net;
using System.Text;
using NewsFeedWorker.Drift;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>The HTML page at <c>/</c>: every feed with subscribe links and autodiscovery tags, and each source's state.</summary>
public static class IndexPage
{
    internal const string Css = """
        :root{color-scheme:light dark;--fg:#1d2430;--muted:#5b6575;--line:#dfe3ea;--card:#fff;--bg:#f5f7fa;--ok:#1a7f37;--bad:#c62828;--idle:#8a8f98;--accent:#0b5fff}
        @media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#9aa3b2;--line:#2c3340;--card:#171c24;--bg:#0f1318;--accent:#6ea0ff}}
        *{box-sizing:border-box}body{margin:0;font:15px/1.55 system-ui,-apple-system,"Apple SD Gothic Neo","Noto Sans KR","Malgun Gothic",sans-serif;color:var(--fg);background:var(--bg)}
        main{max-width:1080px;margin:0 auto;padding:28px 20px 48px}h1{margin:0 0 4px;font-size:26px}h2{font-size:18px;margin:32px 0 10px}
        .sub{color:var(--muted);margin:0}a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
        table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden}
        th,td{padding:9px 12px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
        tr:last-child td{border-bottom:0}td.num{text-align:right;font-variant-numeric:tabular-nums}.name{font-weight:600}.id{color:var(--muted);font-size:12px}
        .fmt a{display:inline-block;margin:0 4px 4px 0;padding:1px 8px;border:1px solid var(--line);border-radius:999px;font-size:12px}
        .badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;color:#fff;background:var(--idle)}.badge.ok{background:var(--ok)}.badge.bad{background:var(--bad)}.badge.warn{background:#b7791f}
        .err{color:var(--bad);font-size:13px;max-width:320px;overflow-wrap:anywhere}.when{white-space:nowrap;font-size:13px}
        ul.cats{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:8px}ul.cats li{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:6px 10px}
        """;

    public static string Render(
        IReadOnlyList<FeedEntry> feeds,
        IReadOnlyList<SourceDefinition> sources,
        IReadOnlyList<SourceStatus> statuses,
        IReadOnlyList<ArticleCorrection> corrections,
        FeedLinks links,
        string siteTitle,
        IReadOnlyDictionary<string, IReadOnlyList<DriftWarning>>? drift = null)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append("<!doctype html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(siteTitle)).Append("</title>\n");
        foreach (var feed in feeds.Where(f => f.Definition.Kind is FeedKind.All or FeedKind.Source or FeedKind.Weather or FeedKind.Topic))
        {
            foreach (var format in FeedFormats.All)
            {
                html.Append("<link rel=\"alternate\" type=\"").Append(format.MediaType()).Append("\" title=\"")
                    .Append(Encode($"{feed.Title} ({Label(format)})")).Append("\" href=\"")
                    .Append(Encode(links.Self(feed.Definition, format).AbsoluteUri)).Append("\">\n");
            }
        }

        html.Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(Encode(siteTitle)).Append("</h1>\n<p class=\"sub\">")
            .Append(sources.Count.ToString(CultureInfo.InvariantCulture)).Append("개 출처 · <a href=\"")
            .Append(Encode(links.Opml.AbsoluteUri)).Append("\">OPML로 모두 구독</a></p>\n");

        html.Append("<h2>모아보기</h2>\n<table>\n<thead><tr><th>피드</th><th>구독</th></tr></thead>\n<tbody>\n");
        foreach (var feed in feeds.Where(f => f.Definition.Kind is FeedKind.All or FeedKind.Weather or FeedKind.Corrections or FeedKind.Topic))
        {
            html.Append("<tr><td class=\"name\">").Append(Encode(feed.Label)).Append("</td>");
            FormatLinks(html, feed.Definition, links);
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        AppendSources(html, feeds, sources, statuses, corrections, links, drift ?? new Dictionary<string, IReadOnlyList<DriftWarning>>());

        var categories = feeds.Where(f => f.Definition.Kind == FeedKind.Category).ToList();
        if (categories.Count > 0)
        {
            html.Append("<h2>분류</h2>\n<ul class=\"cats\">\n");
            foreach (var category in categories)
            {
                html.Append("<li>").Append(Encode(category.Label)).Append(" <span class=\"fmt\">");
                foreach (var format in FeedFormats.All)
                {
                    html.Append("<a href=\"").Append(Encode(links.Self(category.Definition, format).AbsoluteUri)).Append("\">")
                        .Append(Label(format)).Append("</a>");
                }

                html.Append("</span></li>\n");
            }

            html.Append("</ul>\n");
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static void AppendSources(
        StringBuilder html, IReadOnlyList<FeedEntry> feeds, IReadOnlyList<SourceDefinition> sources, IReadOnlyList<SourceStatus> statuses,
        IReadOnlyList<ArticleCorrection> corrections, FeedLinks links, IReadOnlyDictionary<string, IReadOnlyList<DriftWarning>> drift)
    {
        var byId = statuses.GroupBy(s => s.SourceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        html.Append("<h2>출처</h2>\n<table>\n<thead><tr><th>출처</th><th>상태</th><th>최근 성공</th><th>최근 오류</th>")
            .Append("<th>24시간</th><th>전체</th><th>구독</th></tr></thead>\n<tbody>\n");
        foreach (var source in sources)
        {
            var status = byId.GetValueOrDefault(source.Id);
            var zone = FeedItemFactory.Zone(source);
            html.Append("<tr><td><div class=\"name\">");
            if (FeedDocumentBuilder.Home(source) is { } home)
            {
                html.Append("<a href=\"").Append(Encode(home.AbsoluteUri)).Append("\">").Append(Encode(source.Name)).Append("</a>");
            }
            else
            {
                html.Append(Encode(source.Name));
            }

            html.Append("</div><div class=\"id\">").Append(Encode(source.Id))
                .Append(" · <a class=\"preview\" href=\"").Append(Encode(new Uri(links.BaseUrl, "sources/" + Uri.EscapeDataString(source.Id)).AbsoluteUri)).Append("\">미리보기</a>")
                .Append("</div></td><td>")
                .Append(Badge(source, status));
            foreach (var warning in drift.GetValueOrDefault(source.Id) ?? [])
            {
                // A selector that stopped matching: the field is read by generic extraction until it is repaired.
                html.Append("<div><span class=\"badge warn\">선택자 불일치</span></div><div class=\"err drift\">").Append(Encode(warning.Message)).Append("</div>");
            }

            html.Append("</td><td class=\"when\">").Append(When(status?.LastSuccess, zone))
                .Append("</td><td>");
            if (status?.LastErrorAt is { } errorAt)
            {
                html.Append("<div class=\"when\">").Append(When(errorAt, zone)).Append("</div>");
                if (status.LastError is { } error)
                {
                    html.Append("<div class=\"err\">").Append(Encode(error)).Append("</div>");
                }
            }
            else
            {
                html.Append('–');
            }

            html.Append("</td><td class=\"num\">").Append(status?.ArticlesLast24h.ToString(CultureInfo.InvariantCulture) ?? "–")
                .Append("</td><td class=\"num\">").Append(status?.TotalArticles.ToString(CultureInfo.InvariantCulture) ?? "–").Append("</td>");
            FormatLinks(html, FeedDefinition.ForSource(source.Id), links, feeds.Any(f => f.Definition.Kind == FeedKind.SourceWeather && f.Definition.SourceId == source.Id)
                ? FeedDefinition.ForSourceWeather(source.Id)
                : null);
            html.Append("</tr>\n");
            AppendCorrections(html, source, corrections, links);
        }

        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>Under a source's row: its corrections feed and the history pages of its latest corrected articles (수정 이력).</summary>
    private static void AppendCorrections(StringBuilder html, SourceDefinition source, IReadOnlyList<ArticleCorrection> corrections, FeedLinks links)
    {
        html.Append("<tr class=\"corrections\"><td colspan=\"6\" class=\"id\">수정 이력 / corrections: ");
        var latest = corrections.Where(c => c.SourceId == source.Id).DistinctBy(c => c.ArticleId).Take(3).ToList();
        if (latest.Count == 0)
        {
            html.Append('–');
        }

        html.AppendJoin(" · ", latest.Select(c => "<a href=\"" + Encode(links.History(c.ArticleId).AbsoluteUri) + "\">" + Encode(c.After.Title) + "</a>"));
        html.Append("</td>");
        FormatLinks(html, FeedDefinition.ForSourceCorrections(source.Id), links);
        html.Append("</tr>\n");
    }

    private static void FormatLinks(StringBuilder html, FeedDefinition feed, FeedLinks links, FeedDefinition? weather = null)
    {
        html.Append("<td class=\"fmt\">");
        foreach (var format in FeedFormats.All)
        {
            html.Append("<a href=\"").Append(Encode(links.Self(feed, format).AbsoluteUri)).Append("\">").Append(Label(format)).Append("</a>");
        }

        if (weather is not null)
        {
            html.Append("<br>날씨 ");
            foreach (var format in FeedFormats.All)
            {
                html.Append("<a href=\"").Append(Encode(links.Self(weather, format).AbsoluteUri)).Append("\">").Append(Label(format)).Append("</a>");
            }
        }

        html.Append("</td>");
    }

    private static string Badge(SourceDefinition source, SourceStatus? status)
    {
        if (!source.Enabled)
        {
            return "<span class=\"badge\">꺼짐</span>";
        }

        if (status?.LastRun is null && status?.LastSuccess is null)
        {
            return "<span class=\"badge\">대기</span>";
        }

        return status.ConsecutiveFailures > 0
            ? $"<span class=\"badge bad\">실패 {status.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture)}회</span>"
            : "<span class=\"badge ok\">정상</span>";
    }

    internal static string When(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } value ? Encode(TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)) : "–";

    private static string Label(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "RSS",
        FeedFormat.Atom => "Atom",
        _ => "JSON",
    };

    internal static string Encode(string text) => WebUtility.HtmlEncode(XmlText.Clean(text));
}
