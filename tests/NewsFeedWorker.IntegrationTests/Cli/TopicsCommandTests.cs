using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsFeedWorker.Hosting;
using NewsFeedWorker.IntegrationTests.EndToEnd;
using NewsFeedWorker.IntegrationTests.Fetching;
using NewsFeedWorker.IntegrationTests.Support;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.IntegrationTests.Cli;

/// <summary><c>topics test</c> and <c>topics send-test</c> on a real sources file and SQLite store, alerts to a loopback receiver.</summary>
[Collection(InProcessWorkerCollection.Name)]
public sealed class TopicsCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "nfw-topics-cli", Guid.NewGuid().ToString("n"));

    public TopicsCommandTests() => Directory.CreateDirectory(this.directory);

    private string SourcesFile => Path.Combine(this.directory, "sources.json");

    private string DataDirectory => Path.Combine(this.directory, "data");

    public void Dispose() => Directory.Delete(this.directory, recursive: true);

    private async Task SetUpAsync(string alerts)
    {
        await File.WriteAllTextAsync(SourcesFile, $$"""
            { "sources": [ { "id": "outlet-a", "name": "가 신문", "schedule": "0 0 3 * * ?", "startUrls": [ "http://127.0.0.1:9/a/" ] } ],
              "topics": [ { "id": "gov-ai", "name": "정부 AI 소식", "any": ["행정안전부"], "all": ["AI"], "alerts": [ {{alerts}} ] } ] }
            """);
        await using var app = WorkerHost.Build(new Dictionary<string, string?> { ["Worker:SourcesFile"] = SourcesFile, ["Worker:DataDirectory"] = DataDirectory });
        var store = app.Services.GetRequiredService<IFeedStore>();
        var now = TimeProvider.System.GetUtcNow();
        await store.SaveArticleAsync("outlet-a", Article(1, "행정안전부는 AI 민원 상담을 내년부터 도입한다"), now.AddDays(-1), CancellationToken.None);
        await store.SaveArticleAsync("outlet-a", Article(2, "가을 단풍 절정, 주말 나들이객 몰려"), now.AddDays(-1), CancellationToken.None);
        await store.SaveArticleAsync("outlet-a", Article(3, "행정안전부, AI 공무원 교육 확대"), now.AddDays(-9), CancellationToken.None);
    }

    [Fact]
    public async Task Topics_test_lists_the_matching_articles_of_the_last_seven_days_with_the_rules_that_matched()
    {
        await SetUpAsync("""{ "ntfy": "http://127.0.0.1:9/news" }""");

        var result = await WorkerCommand.InvokeAsync("topics", "test", "gov-ai", "--sources", SourcesFile, "--data", DataDirectory);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("gov-ai  정부 AI 소식: 1 of 2 articles of the last 7 days match", result.Output, StringComparison.Ordinal);
        Assert.Contains("outlet-a  행정안전부는 AI 민원 상담을 내년부터 도입한다", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"any: 행정안전부\s+title\s+행정안전부는 AI", result.Output);
        Assert.Matches(@"all: AI\s+title\s+행정안전부는 AI 민원", result.Output);
        Assert.DoesNotContain("단풍", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("공무원 교육", result.Output, StringComparison.Ordinal); // stored 9 days ago
        Assert.DoesNotContain('\u001b', result.Output);
    }

    [Fact]
    public async Task Topics_test_of_an_unknown_topic_names_the_known_ones_and_exits_2()
    {
        await SetUpAsync("""{ "ntfy": "http://127.0.0.1:9/news" }""");

        var result = await WorkerCommand.InvokeAsync("topics", "test", "nope", "--sources", SourcesFile, "--data", DataDirectory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no topic 'nope'", result.Error, StringComparison.Ordinal);
        Assert.Contains("known: gov-ai", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_test_posts_a_test_alert_to_each_target_and_reports_the_one_that_failed()
    {
        var bodies = new ConcurrentQueue<string>();
        await using var receiver = await MisbehavingSite.StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            bodies.Enqueue(await reader.ReadToEndAsync());
            return Results.Ok();
        }));
        var closed = WorkerFeeds.FreePort();
        await SetUpAsync($$"""{ "webhook": "{{receiver.Url("/hook")}}" }, { "webhook": "http://127.0.0.1:{{closed}}/hook" }""");

        var result = await WorkerCommand.InvokeAsync("topics", "send-test", "gov-ai", "--sources", SourcesFile, "--data", DataDirectory);

        Assert.Equal(1, result.ExitCode);
        var body = Assert.Single(bodies);
        Assert.Contains("\"test\":true", body, StringComparison.Ordinal);
        Assert.Contains("행정안전부는 AI 민원 상담을 내년부터 도입한다", body, StringComparison.Ordinal);
        Assert.Contains($"sent    webhook {receiver.Url("/hook")}", result.Output, StringComparison.Ordinal);
        Assert.Contains($"failed  webhook http://127.0.0.1:{closed}/hook", result.Output, StringComparison.Ordinal);
    }

    private static Article Article(int n, string title) => new()
    {
        Url = new Uri($"http://127.0.0.1:9/a/news/articleView.html?idxno={n}"),
        Title = title,
        BodyHtml = $"<p>{title}. 자세한 내용은 본문을 참고.</p>",
        BodyText = $"{title}. 자세한 내용은 본문을 참고.",
    };
}
