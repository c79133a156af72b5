using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsFeedWorker.IntegrationTests.Scheduling;

/// <summary>
/// A loopback news site for several sources, in the ndsoft markup of the sample site:
/// <c>/{source}/news/articleList.html</c> links every published article, <c>/{source}/news/articleView.html?idxno=N</c>
/// serves it. One article can be held "slow" (the request hangs until <see cref="ReleaseSlowPage"/>), so a test can catch
/// a cycle in the middle of its work.
/// </summary>
public sealed class ClusterFixtureSite : IAsyncDisposable
{
    private static readonly string[] Words =
    [
        "정부", "지방", "의회", "예산", "교통", "항만", "주민", "학교", "병원", "시장", "축제", "공원", "도로", "철도", "농업", "어업",
        "기술", "연구", "기업", "수출", "투자", "환경", "에너지", "안전", "문화", "관광", "복지", "청년", "노인", "주택", "하천", "산림",
    ];

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> published = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource slowRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource slowReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly (string Source, int Index) slowPage;

    private ClusterFixtureSite(WebApplication app, IEnumerable<string> sources, int articlesPerSource, (string Source, int Index) slowPage)
    {
        this.app = app;
        this.slowPage = slowPage;
        foreach (var source in sources)
        {
            published[source] = articlesPerSource;
        }
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Completes when the slow page is first asked for: a cycle of its source is in progress.</summary>
    public Task SlowPageRequested => slowRequested.Task;

    public static async Task<ClusterFixtureSite> StartAsync(IReadOnlyList<string> sources, int articlesPerSource, (string Source, int Index) slowPage)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new ClusterFixtureSite(app, sources, articlesPerSource, slowPage);
        app.MapGet("/{source}/news/articleList.html", (string source) => site.List(source));
        app.MapGet("/{source}/news/articleView.html", (string source, int idxno, HttpContext context) => site.ArticleAsync(source, idxno, context.RequestAborted));
        await app.StartAsync();
        site.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return site;
    }

    public Uri ListUrl(string source) => new(BaseAddress, $"/{source}/news/articleList.html");

    /// <summary>Every article the site has published so far, by source, as (index, title).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PublishedTitles() =>
        published.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. Enumerable.Range(1, p.Value).Select(i => Title(p.Key, i))], StringComparer.Ordinal);

    /// <summary>Publishes one more article on every source's list page.</summary>
    public void PublishOneMoreEach()
    {
        foreach (var source in published.Keys)
        {
            published.AddOrUpdate(source, 1, (_, count) => count + 1);
        }
    }

    public void ReleaseSlowPage() => slowReleased.TrySetResult();

    public static string Title(string source, int index) => $"{source} 기사 {index}: {Words[index % Words.Length]} 소식";

    private IResult List(string source)
    {
        if (!published.TryGetValue(source, out var count))
        {
            return Results.NotFound();
        }

        var items = new StringBuilder();
        for (var i = count; i >= 1; i--)
        {
            items.Append(CultureInfo.InvariantCulture, $"""
                <div class="list-block"><h4 class="titles"><a href="articleView.html?idxno={i}">{Title(source, i)}</a></h4></div>
                """);
        }

        return Html($"""
            <!doctype html><html lang="ko"><head><meta charset="utf-8"><title>{source} 전체기사</title></head>
            <body><nav><a href="articleList.html">전체기사</a></nav><section id="section-list">{items}</section></body></html>
            """);
    }

    private async Task<IResult> ArticleAsync(string source, int index, CancellationToken aborted)
    {
        if (!published.TryGetValue(source, out var count) || index < 1 || index > count)
        {
            return Results.NotFound();
        }

        if ((source, index) == slowPage && !slowReleased.Task.IsCompleted)
        {
            slowRequested.TrySetResult();
            // Hangs until the test has killed the node that asked (or releases it); the page itself is fine.
            await slowReleased.Task.WaitAsync(aborted);
        }

        return Html($"""
            <!doctype html><html lang="ko"><head><meta charset="utf-8"><title>{Title(source, index)}</title></head>
            <body>
            <div class="article-view-header"><div class="article-category">지역</div>
            <h3 class="heading">{Title(source, index)}</h3>
            <ul class="infomation"><li>기자 {source}</li><li>입력 2025.11.{1 + (index % 28):00} 10:{index % 60:00}</li></ul></div>
            <div id="article-view-content-div">{Body(source, index)}<p>[뉴스출처 : {source}]</p></div>
            </body></html>
            """);
    }

    /// <summary>Text different enough per article that no two are near-duplicates of each other.</summary>
    private static string Body(string source, int index)
    {
        var random = new Random(HashCode.Combine(source.Length, source[0], index) ^ (index * 7919));
        var body = new StringBuilder();
        for (var paragraph = 0; paragraph < 3; paragraph++)
        {
            body.Append("<p>(").Append(source).Append(") ");
            for (var word = 0; word < 40; word++)
            {
                body.Append(Words[random.Next(Words.Length)]).Append(random.Next(1000).ToString(CultureInfo.InvariantCulture)).Append(' ');
            }

            body.Append("</p>");
        }

        return body.ToString();
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    public async ValueTask DisposeAsync()
    {
        ReleaseSlowPage();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
