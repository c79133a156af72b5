using NewsFeedWorker.Dedupe;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.IntegrationTests.Storage;

public abstract partial class FeedStoreContractTests
{
    private const string RevisedUrl = "https://news.example.kr/news/articleView.html?idxno=77";

    [Fact]
    public async Task A_material_change_keeps_the_previous_version_as_a_revision_under_the_same_id()
    {
        var store = NewStore();
        var first = Some.Article(url: RevisedUrl, title: "원래 제목");
        var saved = await store.SaveArticleAsync("portal", first, Some.Start, Ct);

        var result = await store.SaveArticleAsync("portal", first with { Title = "고친 제목" }, Some.Start.AddHours(1), Ct);

        Assert.Equal(ArticleSaveOutcome.Updated, result.Outcome);
        Assert.Equal(saved.Id, result.Id);
        Assert.Equal([MaterialChange.Title], result.Corrected);
        var history = await store.GetArticleHistoryAsync(saved.Id, Ct);
        Assert.NotNull(history);
        Assert.Equal("고친 제목", history.Current.Article.Title);
        Assert.Equal(Some.Start.AddHours(1), history.Current.RevisedAt);
        Assert.Equal(1, history.Current.Revisions);
        var revision = Assert.Single(history.Revisions);
        Assert.Equal(("원래 제목", Some.Start, Some.Start.AddHours(1)), (revision.Article.Title, revision.SeenAt, revision.ReplacedAt));
        Assert.Equal([MaterialChange.Title], revision.Changed);
    }

    [Fact]
    public async Task The_same_edit_seen_twice_is_one_revision_and_a_revert_is_another()
    {
        var store = NewStore();
        var first = Some.Article(url: RevisedUrl, title: "원래 제목");
        var id = (await store.SaveArticleAsync("portal", first, Some.Start, Ct)).Id;

        await store.SaveArticleAsync("portal", first with { Title = "고친 제목" }, Some.Start.AddHours(1), Ct);
        var again = await store.SaveArticleAsync("portal", first with { Title = "고친 제목" }, Some.Start.AddHours(2), Ct);
        await store.SaveArticleAsync("portal", first, Some.Start.AddHours(3), Ct);

        Assert.Equal(ArticleSaveOutcome.Unchanged, again.Outcome);
        var history = await store.GetArticleHistoryAsync(id, Ct);
        Assert.NotNull(history);
        Assert.Equal(["원래 제목", "고친 제목"], history.Revisions.Select(r => r.Article.Title));
        Assert.Equal([1, 2], history.Revisions.Select(r => r.Seq));
        Assert.Equal(Some.Start.AddHours(1), history.Revisions[1].SeenAt);
        Assert.Equal("원래 제목", history.Current.Article.Title);
        var corrections = await store.GetCorrectionsAsync("portal", 10, Ct);
        Assert.Equal([("고친 제목", "원래 제목"), ("원래 제목", "고친 제목")], corrections.Select(c => (c.Before.Title, c.After.Title)));
    }

    [Fact]
    public async Task A_change_of_white_space_or_of_a_link_in_the_body_is_stored_without_a_revision()
    {
        var store = NewStore();
        var first = Some.Article(url: RevisedUrl, body: "첫 문단입니다.\n\n둘째 문단입니다.");
        var id = (await store.SaveArticleAsync("portal", first, Some.Start, Ct)).Id;

        var spaced = await store.SaveArticleAsync("portal", first with { BodyText = "첫  문단입니다.\n\n\n둘째\u00A0문단입니다. " }, Some.Start.AddHours(1), Ct);
        var tracked = await store.SaveArticleAsync("portal", first with { BodyHtml = first.BodyHtml + "<p><a href=\"https://x.kr/?utm_source=feed\">x</a></p>" }, Some.Start.AddHours(2), Ct);

        Assert.Equal((ArticleSaveOutcome.Updated, 0), (spaced.Outcome, spaced.Corrected.Count));
        Assert.Equal((ArticleSaveOutcome.Updated, 0), (tracked.Outcome, tracked.Corrected.Count));
        var history = await store.GetArticleHistoryAsync(id, Ct);
        Assert.NotNull(history);
        Assert.Empty(history.Revisions);
        Assert.Null(history.Current.RevisedAt);
        Assert.Empty(await store.GetCorrectionsAsync(null, 10, Ct));
    }

    [Fact]
    public async Task Corrections_are_listed_newest_first_per_source_and_for_all_sources()
    {
        var store = NewStore();
        var a = Some.Article(url: "https://a.kr/1", title: "가");
        var b = Some.Article(url: "https://b.kr/1", title: "나");
        await store.SaveArticleAsync("alpha", a, Some.Start, Ct);
        await store.SaveArticleAsync("beta", b, Some.Start, Ct);
        await store.SaveArticleAsync("alpha", a with { Title = "가2" }, Some.Start.AddHours(1), Ct);
        await store.SaveArticleAsync("beta", b with { BodyText = b.BodyText + " 추가된 문장." }, Some.Start.AddHours(2), Ct);

        var all = await store.GetCorrectionsAsync(null, 10, Ct);
        var alpha = await store.GetCorrectionsAsync("alpha", 10, Ct);

        Assert.Equal([("beta", Some.Start.AddHours(2)), ("alpha", Some.Start.AddHours(1))], all.Select(c => (c.SourceId, c.SeenAt)));
        Assert.Equal([MaterialChange.Text], all[0].Changed);
        Assert.Equal(("가", "가2"), (Assert.Single(alpha).Before.Title, alpha[0].After.Title));
        Assert.Single(await store.GetCorrectionsAsync(null, 1, Ct));
    }

    [Fact]
    public async Task Concurrent_writers_of_the_same_edit_keep_one_revision()
    {
        var first = Some.Article(url: RevisedUrl, title: "원래 제목");
        var id = (await NewStore().SaveArticleAsync("portal", first, Some.Start, Ct)).Id;
        var edited = first with { Title = "고친 제목" };

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => NewStore().SaveArticleAsync("portal", edited, Some.Start.AddMinutes(10 + i), Ct))));

        var history = await NewStore().GetArticleHistoryAsync(id, Ct);
        Assert.NotNull(history);
        Assert.Equal("원래 제목", Assert.Single(history.Revisions).Article.Title);
    }

    [Fact]
    public async Task Pruning_an_article_removes_its_revisions_and_an_unknown_id_has_no_history()
    {
        var store = NewStore(o => o.RetentionMaxItemsPerSource = 1);
        var old = Some.Article(url: "https://p.kr/old", title: "옛 제목");
        var id = (await store.SaveArticleAsync("portal", old, Some.Start, Ct)).Id;
        await store.SaveArticleAsync("portal", old with { Title = "새 제목" }, Some.Start.AddMinutes(5), Ct);
        await store.SaveArticleAsync("portal", Some.Article(url: "https://p.kr/new"), Some.Start.AddHours(1), Ct);

        await store.PruneAsync(Some.Start.AddHours(2), Ct);

        Assert.Null(await store.GetArticleHistoryAsync(id, Ct));
        Assert.Empty(await store.GetCorrectionsAsync(null, 10, Ct));
    }
}
