using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsFeedWorker.Alerts;
using NewsFeedWorker.Hosting;
using NewsFeedWorker.IntegrationTests.EndToEnd;
using NewsFeedWorker.IntegrationTests.Fetching;
using NewsFeedWorker.IntegrationTests.Support;

namespace NewsFeedWorker.IntegrationTests.Alerts;

/// <summary>
/// Alerts through every real stage: a loopback site where two sources publish the same ministry release, the worker on
/// a SQLite file, a loopback webhook receiver that fails twice and then recovers, and a loopback SMTP server.
/// </summary>
[Collection(InProcessWorkerCollection.Name)]
public sealed partial class AlertDispatcherTests : IDisposable
{
    private const string Secret = "s3cret-for-the-test";

    internal static readonly string[] Release =
    [
        "행정안전부는 8일 정부서울청사에서 공공부문 인공지능 전환 계획을 발표하고 내년부터 모든 중앙부처 민원 창구에 AI 상담 서비스를 도입한다고 밝혔다.",
        "이번 계획에 따라 각 부처는 상반기까지 업무 자료를 정비하고 하반기에는 시범 운영을 거쳐 전국 지방자치단체로 서비스를 넓힐 예정이다.",
        "행정안전부 관계자는 국민이 기다리지 않고 필요한 행정 서비스를 받을 수 있도록 보안과 개인정보 보호를 최우선으로 추진하겠다고 말했다.",
    ];

    private readonly string directory = Path.Combine(Path.GetTempPath(), "nfw-alert-tests", Guid.NewGuid().ToString("n"));

    public AlertDispatcherTests() => Directory.CreateDirectory(this.directory);

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public async Task Two_sources_publishing_one_story_make_one_signed_webhook_alert_delivered_after_two_failures_and_one_mail()
    {
        await using var site = await TwoOutletsAsync();
        var received = new ConcurrentQueue<(string Body, string? Signature, string? Delivery, int Status)>();
        var calls = 0;
        await using var receiver = await MisbehavingSite.StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Increment(ref calls) <= 2 ? 503 : 200;
            received.Enqueue((body, request.Headers[AlertSender.SignatureHeader].ToString(), request.Headers[AlertSender.DeliveryHeader].ToString(), status));
            return Results.StatusCode(status);
        }));
        var ntfy = new ConcurrentQueue<string>();
        await using var ntfyServer = await MisbehavingSite.StartAsync(app => app.MapPost("/ntfy/", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            ntfy.Enqueue(await reader.ReadToEndAsync());
            return Results.Ok();
        }));
        await using var smtp = new SmtpReceiver();
        var port = WorkerFeeds.FreePort();
        var sources = Path.Combine(this.directory, "sources.json");
        await File.WriteAllTextAsync(sources, $$"""
            { "sources": [
                { "id": "outlet-a", "name": "가 신문", "schedule": "0 0 3 * * ?", "startUrls": [ "{{site.Url("/a/")}}" ], "allowedHosts": [ "127.0.0.1" ],
                  "politeness": { "delay": "00:00:00.010" } },
                { "id": "outlet-b", "name": "나 통신", "schedule": "0 0 3 * * ?", "startUrls": [ "{{site.Url("/b/")}}" ], "allowedHosts": [ "127.0.0.1" ],
                  "politeness": { "delay": "00:00:00.010" } } ],
              "topics": [
                { "id": "gov-ai", "name": "정부 AI 소식", "any": ["행정안전부", "과기정통부"], "all": ["AI"], "none": ["광고"],
                  "alerts": [ { "webhook": "{{receiver.Url("/hook")}}", "secret": "${NFW_TEST_HOOK_SECRET}" }, { "email": "desk@example.org" },
                    { "ntfy": "{{ntfyServer.Url("/ntfy/news")}}" } ] } ] }
            """);
        await using var app = WorkerHost.Build(new Dictionary<string, string?>
        {
            ["Worker:SourcesFile"] = sources,
            ["Worker:DataDirectory"] = Path.Combine(this.directory, "data"),
            ["Worker:RunOnStart"] = "true",
            ["urls"] = $"http://127.0.0.1:{port}",
            ["NFW_TEST_HOOK_SECRET"] = Secret,
            ["Alerts:PollInterval"] = "00:00:00.200",
            ["Alerts:RetryDelay"] = "00:00:00.050",
            ["Alerts:Smtp:Host"] = "127.0.0.1",
            ["Alerts:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerts:Smtp:Security"] = "None",
        });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await WorkerFeeds.WaitForItemsAsync(http, "/feeds/outlet-a.json", expected: 1);
        await WorkerFeeds.WaitForItemsAsync(http, "/feeds/outlet-b.json", expected: 1);
        var topicItems = await WorkerFeeds.WaitForItemsAsync(http, "/feeds/topic/gov-ai.json", expected: 1);
        await WaitAsync(() => received.Any(r => r.Status == 200) && !smtp.Messages.IsEmpty && !ntfy.IsEmpty);
        // Several more passes: a second alert for the copy, or a repeated delivery, would arrive now.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var health = await http.GetStringAsync(new Uri("/health", UriKind.Relative));
        await app.StopAsync();

        Assert.Single(topicItems);
        Assert.Equal([503, 503, 200], received.Select(r => r.Status));
        Assert.Single(received.Select(r => r.Delivery).Distinct());
        var delivered = received.Last();
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(delivered.Body)));
        Assert.Equal(expected, delivered.Signature);
        using var payload = JsonDocument.Parse(delivered.Body);
        Assert.Equal("gov-ai", payload.RootElement.GetProperty("topic").GetProperty("id").GetString());
        // Whichever outlet's copy was stored first makes the story's one alert.
        Assert.Contains(payload.RootElement.GetProperty("title").GetString(), new[] { Title("a"), Title("b") });
        Assert.StartsWith(site.Url("/").AbsoluteUri, payload.RootElement.GetProperty("url").GetString(), StringComparison.Ordinal);
        using var published = JsonDocument.Parse(Assert.Single(ntfy));
        Assert.Equal("news", published.RootElement.GetProperty("topic").GetString());
        Assert.StartsWith("[정부 AI 소식] ", published.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(["desk@example.org"], mail.To);
        Assert.Contains("Subject:", mail.Data, StringComparison.Ordinal);
        Assert.Contains("\"alerts\":{\"status\":\"Healthy\"", health.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the alerts did not arrive within 60 s");
            await Task.Delay(100);
        }
    }

    /// <summary>A loopback site where outlets "a" and "b" each list one article: the same release, their own headline and byline.</summary>
    internal static Task<MisbehavingSite> TwoOutletsAsync() => MisbehavingSite.StartAsync(app =>
    {
        foreach (var outlet in new[] { "a", "b" })
        {
            app.MapGet($"/{outlet}/", () => Results.Content(
                $"<html><body><ul><li><a href=\"/{outlet}/news/articleView.html?idxno=101\">기사</a></li></ul></body></html>", "text/html; charset=utf-8"));
            app.MapGet($"/{outlet}/news/articleView.html", () => Results.Content(Article(outlet), "text/html; charset=utf-8"));
        }
    });

    internal static string Title(string outlet) => outlet == "a" ? "행정안전부, 공공부문 AI 전환 계획 발표" : "행안부 \"내년 모든 부처 민원창구에 AI 상담\"";

    internal static string Article(string outlet)
    {
        var (title, byline) = (Title(outlet), outlet == "a" ? "홍길동 기자" : "김철수 기자");
        return $"""
            <!doctype html><html lang="ko"><head><meta charset="utf-8"><title>{title}</title>
            <meta property="og:type" content="article"><meta property="article:published_time" content="2026-11-0{(outlet == "a" ? 8 : 9)}T08:00:00+09:00"></head>
            <body><main><article><h1>{title}</h1><p class="byline">{byline}</p><div class="text">
            {string.Concat(Release.Select(p => $"<p>{p}</p>"))}
            </div></article></main></body></html>
            """;
    }
}
