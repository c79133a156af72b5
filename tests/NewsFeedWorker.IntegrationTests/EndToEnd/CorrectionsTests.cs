using Microsoft.Extensions.DependencyInjection;
using NewsFeedWorker.IntegrationTests.Support;
using NewsFeedWorker.Storage;

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

    [Fact]
    public async Task Title_and_paragraph_edits_and_a_revert_are_revisions_while_white_space_and_tracking_parameters_are_not()
    {
        await using var site = await EditableSite.StartAsync();
        site.Put(EditedArticles.ListPath, EditedArticles.List(1));
        var paragraphs = EditedArticles.Paragraphs.ToArray();
        site.Put(EditedArticles.ArticlePath(1), EditedArticles.Article(Title, paragraphs));
        await using var worker = await RevisionsWorker.StartAsync(site, Postgres);
        await worker.RunCycleAsync();
        var store = worker.Services.GetRequiredService<IFeedStore>();
        var id = Assert.Single(await store.GetArticlesAsync(new ArticleQuery { SourceId = RevisionsWorker.SourceId }, CancellationToken.None)).Id;

        async Task EditAsync(string title, string[] body)
        {
            site.Put(EditedArticles.ArticlePath(1), EditedArticles.Article(title, body));
            worker.Advance(TimeSpan.FromMinutes(5));
            await worker.RunCycleAsync();
        }

        await EditAsync("Harbour bridge to close to all traffic", paragraphs);
        var corrected = paragraphs.ToArray();
        corrected[2] = corrected[2].Replace("four million", "five million", StringComparison.Ordinal);
        await EditAsync("Harbour bridge to close to all traffic", corrected);
        var spaced = corrected.Select(p => "  " + p.Replace(" ", "\n   ", StringComparison.Ordinal) + " ").ToArray();
        await EditAsync("Harbour bridge to close to all traffic", spaced);
        var tracked = corrected.ToArray();
        tracked[1] = tracked[1].Replace("ring-road\"", "ring-road?utm_source=rss&amp;utm_medium=feed&amp;fbclid=x1\"", StringComparison.Ordinal);
        await EditAsync("Harbour bridge to close to all traffic", tracked);
        await EditAsync("Harbour bridge to close to all traffic", corrected);
        await EditAsync(Title, corrected);

        var history = await store.GetArticleHistoryAsync(id, CancellationToken.None);
        Assert.NotNull(history);
        Assert.Equal(
            [(Title, "title"), ("Harbour bridge to close to all traffic", "text"), ("Harbour bridge to close to all traffic", "title")],
            history.Revisions.Select(r => (r.Article.Title, string.Join(' ', r.Changed))));
        Assert.Equal(Title, history.Current.Article.Title);
        Assert.Contains("five million", history.Current.Article.BodyText, StringComparison.Ordinal);
        Assert.Contains("four million", history.Revisions[1].Article.BodyText, StringComparison.Ordinal);
        Assert.Equal(id, Assert.Single(await store.GetArticlesAsync(new ArticleQuery { SourceId = RevisionsWorker.SourceId }, CancellationToken.None)).Id);
        var revisionsCounted = (await worker.GetStringAsync("/metrics")).Split('\n')
            .Single(l => l.StartsWith("newsfeedworker_revisions_total{", StringComparison.Ordinal) && l.Contains("source=\"edits\"", StringComparison.Ordinal));
        Assert.EndsWith(" 3", revisionsCounted, StringComparison.Ordinal);
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
