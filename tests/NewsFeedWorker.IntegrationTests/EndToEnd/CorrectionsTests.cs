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
        await using var worker = await FirstCycleAsync(site);
        var paragraphs = EditedArticles.Paragraphs.ToArray();
        var store = worker.Services.GetRequiredService<IFeedStore>();
        var id = Assert.Single(await store.GetArticlesAsync(new ArticleQuery { SourceId = RevisionsWorker.SourceId }, CancellationToken.None)).Id;

        await EditAsync(site, worker, "Harbour bridge to close to all traffic", paragraphs);
        var corrected = paragraphs.ToArray();
        corrected[2] = corrected[2].Replace("four million", "five million", StringComparison.Ordinal);
        await EditAsync(site, worker, "Harbour bridge to close to all traffic", corrected);
        var spaced = corrected.Select(p => "  " + p.Replace(" ", "\n   ", StringComparison.Ordinal) + " ").ToArray();
        await EditAsync(site, worker, "Harbour bridge to close to all traffic", spaced);
        var tracked = corrected.ToArray();
        tracked[1] = tracked[1].Replace("ring-road\"", "ring-road?utm_source=rss&amp;utm_medium=feed&amp;fbclid=x1\"", StringComparison.Ordinal);
        await EditAsync(site, worker, "Harbour bridge to close to all traffic", tracked);
        await EditAsync(site, worker, "Harbour bridge to close to all traffic", corrected);
        await EditAsync(site, worker, Title, corrected);

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

    [Fact]
    public async Task Corrections_feeds_list_each_material_correction_newest_first_and_pass_the_real_parsers()
    {
        await using var site = await EditableSite.StartAsync();
        await using var worker = await FirstCycleAsync(site);
        var itemBefore = Assert.Single(await worker.ItemsAsync("/feeds/edits.json"));
        var corrected = EditedArticles.Paragraphs.ToArray();
        corrected[2] = corrected[2].Replace("four million", "five million", StringComparison.Ordinal);

        await EditAsync(site, worker, "Harbour bridge to close to all traffic", EditedArticles.Paragraphs);
        await EditAsync(site, worker, "Harbour bridge to close to all traffic", corrected);
        var modifiedAtCorrection = Assert.Single(await worker.ItemsAsync("/feeds/edits.json")).GetProperty("date_modified").GetString();
        await EditAsync(site, worker, "Harbour bridge to close to all traffic", [.. corrected.Select(p => p.Replace(" ", "  \n ", StringComparison.Ordinal))]);

        var item = Assert.Single(await worker.ItemsAsync("/feeds/edits.json"));
        Assert.Equal(itemBefore.GetProperty("id").GetString(), item.GetProperty("id").GetString());
        Assert.NotEqual(itemBefore.GetProperty("date_modified").GetString(), modifiedAtCorrection);
        Assert.Equal(modifiedAtCorrection, item.GetProperty("date_modified").GetString());
        Assert.Contains("수정 이력", item.GetProperty("content_html").GetString(), StringComparison.Ordinal);

        var all = await worker.ItemsAsync("/feeds/corrections.json");
        var own = await worker.ItemsAsync("/feeds/edits/corrections.json");
        Assert.Equal(all.Select(i => i.GetProperty("id").GetString()), own.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(2, all.Length);
        Assert.Equal(2, all.Select(i => i.GetProperty("id").GetString()).Append(item.GetProperty("id").GetString()).Distinct().Count() - 1);
        Assert.Equal(["[수정] Harbour bridge to close to all traffic", "[수정] Harbour bridge to close to all traffic"], all.Select(i => i.GetProperty("title").GetString()));
        var paragraphFix = all[0].GetProperty("content_html").GetString()!;
        var titleFix = all[1].GetProperty("content_html").GetString()!;
        Assert.Contains("<del>four</del><ins>five</ins>", paragraphFix, StringComparison.Ordinal);
        Assert.DoesNotContain("제목", paragraphFix, StringComparison.Ordinal);
        Assert.Contains("<del>Harbour bridge to close to lorries</del> → <ins>Harbour bridge to close to all traffic</ins>", titleFix, StringComparison.Ordinal);
        Assert.DoesNotContain("<del>four", titleFix, StringComparison.Ordinal);

        var feeds = new[] { "corrections.rss", "corrections.atom", "edits/corrections.rss", "edits/corrections.atom" }
            .Select(f => new Uri(worker.Http.BaseAddress!, "/feeds/" + f)).ToList();
        var parsed = await Publishing.FeedParserRun.ParseAsync(feeds);
        Assert.All(parsed, p =>
        {
            Assert.False(p.GetProperty("bozo").GetBoolean(), p.GetProperty("bozo_exception").ToString());
            Assert.Equal(2, p.GetProperty("entries").GetArrayLength());
            Assert.Contains("<del>four</del>", p.GetProperty("entries")[0].GetProperty("content").GetString(), StringComparison.Ordinal);
        });
        // One newsboat cache per feed: newsboat keeps an item (by guid) under the first feed that carried it.
        foreach (var feed in feeds)
        {
            Assert.Equal(2, (await Publishing.NewsboatRun.ReloadAsync([feed])).GetValueOrDefault(feed.AbsoluteUri));
        }

        var index = await worker.GetStringAsync("/");
        Assert.Contains("/feeds/corrections.atom", index, StringComparison.Ordinal);
        Assert.Contains("/feeds/edits/corrections.rss", index, StringComparison.Ordinal);
        var opml = await worker.GetStringAsync("/opml");
        Assert.Contains("/feeds/corrections.rss", opml, StringComparison.Ordinal);
        Assert.Contains("/feeds/edits/corrections.rss", opml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_page_shows_the_word_diff_of_each_correction_and_runs_no_scraped_script()
    {
        await using var site = await EditableSite.StartAsync();
        await using var worker = await FirstCycleAsync(site);
        var corrected = EditedArticles.Paragraphs.ToArray();
        corrected[2] = corrected[2].Replace("four million", "five million", StringComparison.Ordinal);
        // A hostile edit: markup and script in the new title and in a new paragraph.
        corrected = [.. corrected, "Residents can comment until Friday. &lt;script&gt;alert(1)&lt;/script&gt;<img src=x onerror=\"alert(2)\">"];
        await EditAsync(site, worker, "Harbour bridge to close to all traffic &lt;img src=x onerror=alert(3)&gt;", corrected);
        var id = Assert.Single(await worker.ItemsAsync("/feeds/edits.json")).GetProperty("id").GetString()!["urn:uuid:".Length..];

        using (var json = System.Text.Json.JsonDocument.Parse(await worker.GetStringAsync($"/articles/{id}.json")))
        {
            var root = json.RootElement;
            Assert.Equal((id, RevisionsWorker.SourceId), (root.GetProperty("id").GetString(), root.GetProperty("source").GetString()));
            Assert.Equal(site.Url(EditedArticles.ArticlePath(1)).AbsoluteUri, root.GetProperty("url").GetString());
            var versions = root.GetProperty("revisions").EnumerateArray().ToList();
            Assert.Equal(2, versions.Count);
            Assert.Equal(Title, versions[0].GetProperty("title").GetString());
            Assert.StartsWith("Harbour bridge to close to all traffic", versions[1].GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Contains("four million", versions[0].GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Contains("five million", versions[1].GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.True(versions[0].GetProperty("seenAt").GetDateTimeOffset() < versions[1].GetProperty("seenAt").GetDateTimeOffset());
            Assert.All(versions, v => Assert.Equal(["seenAt", "title", "subtitle", "author", "published", "updated", "text"], v.EnumerateObject().Select(p => p.Name)));
        }

        await using var chromium = await Browser.HeadlessChromium.LaunchAsync();
        await using var page = await chromium.OpenAsync(new Uri(worker.Http.BaseAddress!, $"/articles/{id}"));

        Assert.Equal(200, page.Status);
        Assert.Equal(["four"], await page.TextsAsync("section.revision p.changed del"));
        Assert.Equal(["five"], await page.TextsAsync("section.revision p.changed ins"));
        Assert.Contains(await page.TextsAsync("section.revision p.field del"), t => t == Title);
        Assert.Contains("수정 이력 / Revisions (1)", await page.TextsAsync("h2"));
        Assert.Contains(await page.TextsAsync("section.revision p.added ins"), t => t.Contains("<script>alert(1)</script>", StringComparison.Ordinal));
        Assert.Empty(page.Events);
        Assert.Equal(new Uri(worker.Http.BaseAddress!, $"/articles/{id}").AbsoluteUri, page.Requests.First());
        Assert.All(page.Requests.Skip(1), r => Assert.EndsWith("/favicon.ico", r, StringComparison.Ordinal));
        Assert.Equal(0, await page.Page.EvaluateExpressionAsync<int>("document.querySelectorAll('script, img, iframe').length"));

        var index = await worker.GetStringAsync("/");
        Assert.Contains($"/articles/{id}\"", index, StringComparison.Ordinal);
    }

    private static async Task EditAsync(EditableSite site, RevisionsWorker worker, string title, string[] body)
    {
        site.Put(EditedArticles.ArticlePath(1), EditedArticles.Article(title, body));
        worker.Advance(TimeSpan.FromMinutes(5));
        await worker.RunCycleAsync();
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
