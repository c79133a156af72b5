using NewsFeedWorker.IntegrationTests.Support;

namespace NewsFeedWorker.IntegrationTests.EndToEnd;

/// <summary>
/// Edits on a loopback site seen by the worker through every real stage (fetch with conditional GET, parse, store,
/// publish, serve), on SQLite and on PostgreSQL.
/// </summary>
public abstract class CorrectionsTests
{
    private const string Title = "Harbour bridge to close to lorries";

    protected abstract bool Postgres { get; }

    /// <summary>A worker that has read the site once: a list page and one article (<see cref="Title"/>, the stock paragraphs).</summary>
    private async Task<RevisionsWorker> FirstCycleAsync(EditableSite site)
    {
        site.Put(EditedArticles.ListPath, EditedArticles.List(1));
        site.Put(EditedArticles.ArticlePath(1), EditedArticles.Article(Title, EditedArticles.Paragraphs));
        var worker = await RevisionsWorker.StartAsync(site, Postgres);
        await worker.RunCycleAsync();
        return worker;
    }

    [Fact]
    public async Task A_title_edited_while_the_list_page_answers_304_reaches_the_feed_in_the_next_cycle()
    {
        await using var site = await EditableSite.StartAsync();
        await using var worker = await FirstCycleAsync(site);
        Assert.Equal(Title, Assert.Single(await worker.ItemsAsync("/feeds/edits.json")).GetProperty("title").GetString());

        site.Put(EditedArticles.ArticlePath(1), EditedArticles.Article("Harbour bridge to close to all traffic", EditedArticles.Paragraphs));
        worker.Advance(TimeSpan.FromMinutes(10));
        await worker.RunCycleAsync();

        Assert.Equal(304, site.LastStatus(EditedArticles.ListPath));
        Assert.Equal(200, site.LastStatus(EditedArticles.ArticlePath(1)));
        Assert.Equal("Harbour bridge to close to all traffic", Assert.Single(await worker.ItemsAsync("/feeds/edits.json")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unchanged_article_costs_a_304_and_a_few_hours_old_one_is_not_asked_again_within_the_hour()
    {
        await using var site = await EditableSite.StartAsync();
        await using var worker = await FirstCycleAsync(site);

        worker.Advance(TimeSpan.FromMinutes(10));
        await worker.RunCycleAsync();
        Assert.Equal(304, site.LastStatus(EditedArticles.ArticlePath(1)));
        var asked = site.Answers.Count(a => a.Path == EditedArticles.ArticlePath(1));

        worker.Advance(TimeSpan.FromHours(3));
        await worker.RunCycleAsync();
        worker.Advance(TimeSpan.FromMinutes(10));
        await worker.RunCycleAsync();

        Assert.Equal(asked + 1, site.Answers.Count(a => a.Path == EditedArticles.ArticlePath(1)));
        Assert.Equal(4, site.Answers.Count(a => a.Path == EditedArticles.ListPath));
    }
}

[Collection(InProcessWorkerCollection.Name)]
public sealed class SqliteCorrectionsTests : CorrectionsTests
{
    protected override bool Postgres => false;
}

[Collection(InProcessWorkerCollection.Name)]
public sealed class PostgresCorrectionsTests : CorrectionsTests
{
    protected override bool Postgres => true;
}
