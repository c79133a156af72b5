using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsFeedWorker.Alerts;
using NewsFeedWorker.IntegrationTests.Fetching;
using NewsFeedWorker.IntegrationTests.Scheduling;

namespace NewsFeedWorker.IntegrationTests.Alerts;

/// <summary>
/// A worker process killed with SIGKILL while its webhook request is in flight: the worker started after it on the
/// same SQLite file sends that delivery again (same delivery id) once the dead one's claim runs out, and no other.
/// </summary>
public sealed class AlertCrashTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "nfw-alert-crash", Guid.NewGuid().ToString("n"));

    public AlertCrashTests() => Directory.CreateDirectory(this.directory);

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    [Fact]
    public async Task A_worker_killed_during_delivery_neither_loses_nor_adds_an_alert()
    {
        await using var site = await MisbehavingSite.StartAsync(app =>
        {
            foreach (var outlet in new[] { "a", "b" })
            {
                app.MapGet($"/{outlet}/", () => Results.Content(
                    $"<html><body><ul><li><a href=\"/{outlet}/news/articleView.html?idxno=101\">기사</a></li></ul></body></html>", "text/html; charset=utf-8"));
                app.MapGet($"/{outlet}/news/articleView.html", () => Results.Content(AlertDispatcherTests.Article(outlet), "text/html; charset=utf-8"));
            }
        });
        var hang = true;
        var received = new ConcurrentQueue<(string Delivery, bool Answered)>();
        var firstArrived = new TaskCompletionSource();
        await using var receiver = await MisbehavingSite.StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            var delivery = request.Headers[AlertSender.DeliveryHeader].ToString();
            if (Volatile.Read(ref hang))
            {
                received.Enqueue((delivery, false));
                firstArrived.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, request.HttpContext.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // the worker died mid-request
                }

                return Results.StatusCode(500);
            }

            received.Enqueue((delivery, true));
            return Results.Ok();
        }));
        var sources = Path.Combine(this.directory, "sources.json");
        await File.WriteAllTextAsync(sources, $$"""
            { "sources": [
                { "id": "outlet-a", "name": "가 신문", "schedule": "0 0 3 * * ?", "startUrls": [ "{{site.Url("/a/")}}" ], "allowedHosts": [ "127.0.0.1" ] },
                { "id": "outlet-b", "name": "나 통신", "schedule": "0 0 3 * * ?", "startUrls": [ "{{site.Url("/b/")}}" ], "allowedHosts": [ "127.0.0.1" ] } ],
              "topics": [ { "id": "gov-ai", "name": "정부 AI 소식", "any": ["행정안전부"], "alerts": [ { "webhook": "{{receiver.Url("/hook")}}" } ] } ] }
            """);
        var environment = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = $"Data Source={Path.Combine(this.directory, "shared.db")}",
            ["Alerts__PollInterval"] = "00:00:00.200",
            ["Alerts__ClaimLease"] = "00:00:03",
            ["Alerts__AttemptTimeout"] = "00:02:00",
        };
        using var http = new HttpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        await using (var first = WorkerNode.Start("first", this.directory, sources, environment))
        {
            await first.WaitUntilServingAsync(http, timeout.Token);
            await firstArrived.Task.WaitAsync(timeout.Token);
            first.KillHard();
        }

        Volatile.Write(ref hang, false);
        await using var second = WorkerNode.Start("second", this.directory, sources, environment);
        await second.WaitUntilServingAsync(http, timeout.Token);
        var waited = Stopwatch.StartNew();
        while (!received.Any(r => r.Answered))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the interrupted alert was not sent again within 60 s");
            await Task.Delay(100, timeout.Token);
        }

        // More passes of the second worker (and both outlets' copies stored): a repeat or a second story would arrive now.
        await Task.Delay(TimeSpan.FromSeconds(1.5), timeout.Token);
        var health = await http.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri(second.BaseAddress, "/health"), timeout.Token);

        Assert.Equal([false, true], received.Select(r => r.Answered));
        Assert.Single(received.Select(r => r.Delivery).Distinct());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("alerts").GetProperty("status").GetString());
    }
}
