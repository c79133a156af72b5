using Microsoft.Data.Sqlite;
using NewsFeedWorker.Cli;
using NewsFeedWorker.IntegrationTests.Support;

namespace NewsFeedWorker.IntegrationTests.Diagnostics;

/// <summary>The service commands end to end: real sources file, real SQLite file, the sample site on loopback.</summary>
[Collection(InProcessWorkerCollection.Name)]
public sealed class ServiceCommandsTests : IDisposable
{
    private readonly WorkerSettings settings = new();

    public void Dispose() => settings.Dispose();

    private long StoredArticles()
    {
        using var connection = new SqliteConnection($"Data Source={settings.SqliteFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM articles";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Backfill_walks_the_list_pages_back_stores_every_article_and_sources_then_shows_the_state()
    {
        await using var site = await FixtureSite.StartAsync();
        settings.WriteSources(("fixture", site.StartUrl));

        var backfill = await WorkerCommand.InvokeAsync("backfill", "fixture", "--pages", "2", "--sources", settings.SourcesFile, "--data", settings.DataDirectory);
        var sources = await WorkerCommand.InvokeAsync("sources", "--sources", settings.SourcesFile, "--data", settings.DataDirectory);

        Assert.True(backfill.ExitCode == 0, backfill.Error + backfill.Output);
        // Both list pages of the sample site were read (the source itself stops after 1), and every article stored.
        Assert.Contains(site.Requests, r => r.Contains("page=2", StringComparison.Ordinal));
        // All four article pages of both list pages were read; the sample site's pages yield three distinct articles.
        Assert.Equal(4, site.ArticleRequests);
        Assert.True(StoredArticles() >= 3, string.Join(", ", site.Requests));
        // Redirected output: plain progress lines, no terminal control codes.
        Assert.Contains("backfill fixture: 2 list pages", backfill.Output, StringComparison.Ordinal);
        Assert.Contains($"{StoredArticles()} new, 0 updated, 0 failures", backfill.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', backfill.Output);

        Assert.Equal(0, sources.ExitCode);
        Assert.Contains("1 sources, 1 enabled", sources.Output, StringComparison.Ordinal);
        Assert.Contains("fixture  fixture news", sources.Output, StringComparison.Ordinal);
        Assert.Contains("schedule       0 0 3 * * ?  (Asia/Seoul, generic mode)", sources.Output, StringComparison.Ordinal);
        Assert.Matches(@"next run       \d{4}-\d\d-\d\d 03:00:00 \+09:00", sources.Output);
        Assert.Matches(@"last success   \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+09:00", sources.Output);
        Assert.Contains("failures       0 in a row", sources.Output, StringComparison.Ordinal);
        Assert.Contains($"{StoredArticles()} stored", sources.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_shows_a_failing_source_with_its_error_and_backfill_of_an_unreachable_source_exits_1()
    {
        settings.WriteSources(("broken", new Uri("http://127.0.0.1:9/list")));

        var backfill = await WorkerCommand.InvokeAsync("backfill", "broken", "--pages", "1", "--sources", settings.SourcesFile, "--data", settings.DataDirectory);
        var sources = await WorkerCommand.InvokeAsync("sources", "--sources", settings.SourcesFile, "--data", settings.DataDirectory);

        Assert.Equal(ExitCodes.Failure, backfill.ExitCode);
        Assert.Contains("127.0.0.1:9", backfill.Error, StringComparison.Ordinal);
        Assert.Contains("failures       1 in a row", sources.Output, StringComparison.Ordinal);
        Assert.Matches(@"last error     \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+09:00: .*127\.0\.0\.1:9", sources.Output);
    }

    [Theory]
    [InlineData("sources")]
    [InlineData("backfill", "fixture")]
    [InlineData("export-opml")]
    public async Task A_command_with_a_broken_sources_file_exits_2_naming_the_problem(params string[] command)
    {
        await File.WriteAllTextAsync(settings.SourcesFile, """{ "sources": [ { "id": "fixture", "name": "x", "schedule": "every hour", "startUrls": ["http://127.0.0.1:9/"] } ] }""");

        var result = await WorkerCommand.InvokeAsync([.. command, "--sources", settings.SourcesFile, "--data", settings.DataDirectory]);

        Assert.Equal(ExitCodes.BadConfiguration, result.ExitCode);
        Assert.Contains("Configuration error:", result.Error, StringComparison.Ordinal);
        Assert.Contains("schedule", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backfill", "nosuch")]
    [InlineData("backfill", "fixture", "--pages", "0")]
    [InlineData("backfill")]
    [InlineData("sources", "--no-such-option")]
    [InlineData("no-such-command")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        settings.WriteSources(("fixture", new Uri("http://127.0.0.1:9/")));

        var result = await WorkerCommand.InvokeAsync([.. args, "--sources", settings.SourcesFile, "--data", settings.DataDirectory]);

        Assert.Equal(ExitCodes.BadConfiguration, result.ExitCode);
        Assert.NotEqual("", result.Error.Trim());
    }

    [Theory]
    [InlineData("run")]
    [InlineData("check-config")]
    [InlineData("sources")]
    [InlineData("scrape")]
    [InlineData("backfill")]
    [InlineData("export-opml")]
    public async Task Every_command_has_help_and_exits_0(string command)
    {
        var result = await WorkerCommand.InvokeAsync(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Usage:", result.Output, StringComparison.Ordinal);
        Assert.Contains($" {command} ", result.Output, StringComparison.Ordinal);
        Assert.Contains("--help", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_opml_writes_every_source_feed_to_a_file()
    {
        settings.WriteSources(("fixture", new Uri("http://127.0.0.1:9/")), ("other", new Uri("http://127.0.0.1:9/other")));
        var file = Path.Combine(settings.Root, "feeds.opml");

        var result = await WorkerCommand.InvokeAsync("export-opml", "-o", file, "--sources", settings.SourcesFile, "--data", settings.DataDirectory);

        Assert.Equal(0, result.ExitCode);
        var opml = System.Xml.Linq.XDocument.Load(file);
        var urls = opml.Descendants("outline").Select(o => (string?)o.Attribute("xmlUrl")).Where(u => u is not null).ToList();
        Assert.Contains(urls, u => u!.Contains("/feeds/fixture.", StringComparison.Ordinal));
        Assert.Contains(urls, u => u!.Contains("/feeds/other.", StringComparison.Ordinal));
    }
}
