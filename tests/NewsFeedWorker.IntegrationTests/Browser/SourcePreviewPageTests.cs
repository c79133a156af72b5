using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsFeedWorker.IntegrationTests.EndToEnd;
using NewsFeedWorker.IntegrationTests.Fetching;
using NewsFeedWorker.IntegrationTests.Support;

namespace NewsFeedWorker.IntegrationTests.Browser;

/// <summary>
/// <c>/sources/{id}</c> in Debian's headless chromium: the worker scrapes its own sample site and a hostile page on
/// loopback; the preview renders what a reader gets, its links lead somewhere, and nothing the hostile page carried runs.
/// </summary>
[Collection(InProcessWorkerCollection.Name)]
public sealed class SourcePreviewPageTests : IDisposable
{
    private const string Hostile = """
        <!doctype html><html lang="ko"><head><meta charset="utf-8">
        <title>x</title><meta property="og:image" content="javascript:alert('og')">
        <script>alert('head')</script></head><body>
        <article><h1>&lt;script&gt;alert('title')&lt;/script&gt; 시청 앞 &lt;img src=x onerror=alert('img')&gt;</h1>
        <p class="date">입력 2025.11.07 10:00</p>
        <p onclick="alert('p')">첫째 문단입니다. &lt;script&gt;alert('body')&lt;/script&gt; 시민들이 광장에 모여 새해 계획을 이야기했다.</p>
        <p>둘째 문단입니다. <a href="javascript:alert('link')">링크</a> 시청은 행사를 마친 뒤 광장을 정리했다고 밝혔다.</p>
        <p>셋째 문단입니다. <img src="x" onerror="alert('inline')"> 다음 주에는 같은 자리에서 음악회가 열린다.</p>
        <p>넷째 문단입니다. 시청 관계자는 올해 광장 행사에 지난해보다 두 배 많은 시민이 찾았다며, 내년에는 행사 기간을 늘리고 교통 안내를 보강하겠다고 설명했다. 인근 상인들도 매출이 늘었다고 반겼다.</p>
        <p>다섯째 문단입니다. 행사장에는 어린이를 위한 체험 부스와 지역 농산물 장터가 함께 열려 가족 단위 방문객이 많았고, 자원봉사자 200여 명이 안내와 정리를 맡아 큰 사고 없이 마무리됐다.</p>
        <script>alert('body script')</script></article></body></html>
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("nfw-preview-").FullName;

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public async Task The_preview_shows_the_articles_weather_run_and_block_links_work_and_no_scraped_script_runs()
    {
        await using var hostileSite = await MisbehavingSite.StartAsync(app => app.MapGet("/news/articleView.html", () => Results.Content(Hostile, "text/html; charset=utf-8")));
        var port = WorkerFeeds.FreePort();
        var sources = Path.Combine(this.directory, "sources.json");
        await File.WriteAllTextAsync(sources, $$"""
            { "sources": [
              { "id": "sample", "name": "샘플 뉴스", "schedule": "0 0 3 * * ?", "language": "ko",
                "startUrls": [ "http://127.0.0.1:{{port}}/sample/" ], "allowedHosts": [ "127.0.0.1" ],
                "articleLinks": { "maxPages": 2 }, "politeness": { "delay": "00:00:00.050" } },
              { "id": "hostile", "name": "위험한 사이트", "schedule": "0 0 3 * * ?",
                "startUrls": [ "{{hostileSite.Url("/news/articleView.html?idxno=1").AbsoluteUri}}" ], "allowedHosts": [ "127.0.0.1" ] }
            ] }
            """);
        await using var app = WorkerFeeds.Build(sources, Path.Combine(this.directory, "data"), port);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WorkerFeeds.WaitForItemsAsync(http, "/feeds/sample.json", expected: 4);
        await WorkerFeeds.WaitForItemsAsync(http, "/feeds/hostile.json", expected: 1);
        await using var chromium = await HeadlessChromium.LaunchAsync();

        await using (var index = await chromium.OpenAsync(http.BaseAddress))
        {
            var previews = await index.Page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('a.preview')].map(a => a.href)");
            Assert.Contains(new Uri(http.BaseAddress, "/sources/sample").AbsoluteUri, previews);
        }

        await using (var preview = await chromium.OpenAsync(new Uri(http.BaseAddress, "/sources/sample")))
        {
            Assert.Equal(200, preview.Status);
            Assert.Equal(["샘플 뉴스"], await preview.TextsAsync("h1"));
            Assert.Contains("경북 동해안 대게 금어기 해제, 첫 위판 활기", await preview.TextsAsync("article.preview h3"));
            Assert.Contains(await preview.TextsAsync("article.preview p"), p => p.StartsWith("(포탈뉴스통신) 행정안전부는 6월 25일", StringComparison.Ordinal));
            Assert.Contains(await preview.TextsAsync("p.methods"), m => m.Contains("title", StringComparison.Ordinal));
            Assert.Equal(16, (await preview.TextsAsync("table tbody tr")).Length);
            Assert.Contains("\"id\": \"sample\"", Assert.Single(await preview.TextsAsync("pre")), StringComparison.Ordinal);
            Assert.Contains("최근 실행", await preview.TextsAsync("h2"));

            var links = await preview.Page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('a[href]')].map(a => a.href)");
            var own = links.Where(l => l.StartsWith(http.BaseAddress.AbsoluteUri, StringComparison.Ordinal)).Distinct().ToList();
            Assert.Contains(own, l => l.EndsWith("/feeds/sample.rss", StringComparison.Ordinal));
            foreach (var link in own)
            {
                Assert.True((await http.GetAsync(new Uri(link))).IsSuccessStatusCode, link);
            }
        }

        await using (var hostile = await chromium.OpenAsync(new Uri(http.BaseAddress, "/sources/hostile")))
        {
            Assert.Equal(200, hostile.Status);
            Assert.Contains(await hostile.TextsAsync("article.preview h3"), t => t.Contains("<script>alert('title')</script>", StringComparison.Ordinal));
            // The page's lead image (x, a 404 on the hostile site) is the only thing the browser may report: no dialog, no
            // page error, no console line from a script.
            Assert.DoesNotContain(hostile.Events, e => !e.Contains("Failed to load resource", StringComparison.Ordinal));
            Assert.Empty(await hostile.Page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('script, iframe, [onerror], [onclick]')].map(e => e.outerHTML)"));
            Assert.Empty(await hostile.Page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('a[href]')].map(a => a.href).filter(h => h.startsWith('javascript:'))"));
        }

        Assert.Equal(404, (int)(await http.GetAsync("/sources/nope")).StatusCode);
        await app.StopAsync();
    }
}
