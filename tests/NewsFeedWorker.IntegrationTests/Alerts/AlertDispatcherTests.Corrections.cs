using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsFeedWorker.Alerts;
using NewsFeedWorker.IntegrationTests.EndToEnd;
using NewsFeedWorker.IntegrationTests.Fetching;

namespace NewsFeedWorker.IntegrationTests.Alerts;

/// <summary>"Updated" alerts: a loopback site whose article's title is edited after its alert, a loopback webhook receiver.</summary>
public sealed partial class AlertDispatcherTests
{
    private const string BridgeTitle = "Harbour bridge to close to lorries";
    private const string EditedBridgeTitle = "Harbour bridge to close to all traffic";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_edited_title_after_the_first_alert_sends_one_updated_alert_only_when_the_topic_asks_for_corrections(bool alertOnCorrections)
    {
        await using var site = await EditableSite.StartAsync();
        var received = new ConcurrentQueue<(string Body, string? Delivery)>();
        await using var receiver = await MisbehavingSite.StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            received.Enqueue((await reader.ReadToEndAsync(), request.Headers[AlertSender.DeliveryHeader].ToString()));
            return Results.Ok();
        }));
        site.Put(EditedArticles.ListPath, EditedArticles.List(1));
        site.Put(EditedArticles.ArticlePath(1), EditedArticles.Article(BridgeTitle, EditedArticles.Paragraphs));
        var flag = alertOnCorrections ? "true" : "false";
        await using var worker = await RevisionsWorker.StartAsync(
            site,
            postgres: false,
            new Dictionary<string, string?> { ["Alerts:PollInterval"] = "01:00:00" },
            $$"""
                [ { "id": "bridges", "name": "Bridges", "any": ["bridge"], "alertOnCorrections": {{flag}},
                    "alerts": [ { "webhook": "{{receiver.Url("/hook")}}" } ] } ]
                """);
        var dispatcher = worker.Services.GetRequiredService<AlertDispatcher>();
        await dispatcher.RunOnceAsync(CancellationToken.None); // the store first sees the topic now

        worker.Advance(TimeSpan.FromMinutes(1));
        await worker.RunCycleAsync();
        await dispatcher.RunOnceAsync(CancellationToken.None);
        site.Put(EditedArticles.ArticlePath(1), EditedArticles.Article(EditedBridgeTitle, EditedArticles.Paragraphs));
        worker.Advance(TimeSpan.FromMinutes(10));
        await worker.RunCycleAsync();
        await dispatcher.RunOnceAsync(CancellationToken.None);
        // More passes, and a cycle that sees the page unchanged: a repeated update would be sent now.
        worker.Advance(TimeSpan.FromMinutes(10));
        await worker.RunCycleAsync();
        await dispatcher.RunOnceAsync(CancellationToken.None);
        await dispatcher.RunOnceAsync(CancellationToken.None);

        var bodies = received.Select(r => ParseBody(r.Body)).ToList();
        Assert.Equal(alertOnCorrections ? 2 : 1, bodies.Count);
        Assert.Equal(bodies.Count, received.Select(r => r.Delivery).Distinct().Count());
        Assert.Equal(BridgeTitle, bodies[0].GetProperty("title").GetString());
        Assert.False(bodies[0].GetProperty("updated").GetBoolean());
        if (alertOnCorrections)
        {
            var update = bodies[1];
            Assert.True(update.GetProperty("updated").GetBoolean());
            Assert.Equal(EditedBridgeTitle, update.GetProperty("title").GetString());
            Assert.Equal(["title"], update.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
            Assert.Equal("bridges", update.GetProperty("topic").GetProperty("id").GetString());
            Assert.Equal(bodies[0].GetProperty("url").GetString(), update.GetProperty("url").GetString());
        }
    }

    private static JsonElement ParseBody(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }
}
