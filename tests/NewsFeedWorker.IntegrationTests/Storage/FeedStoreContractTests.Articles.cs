using NewsFeedWorker.Dedupe;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.IntegrationTests.Storage;

public abstract partial class FeedStoreContractTests
{
    [Fact]
    public async Task Migration_runs_once_per_database_even_when_stores_migrate_at_the_same_time()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => NewStore()).ToList();
        await Task.WhenAll(stores.Select(s => s.MigrateAsync(Ct)));
        await NewStore().MigrateAsync(Ct);

        Assert.Equal(9, await NewStore().GetSchemaVersionAsync(Ct)); // every migration, each applied once
        Assert.Equal(0, await stores[0].GetChangeVersionAsync(Ct));
    }

    [Fact]
    public async Task A_new_article_is_stored_with_a_stable_uuid_id_and_its_first_seen_time()
    {
        var store = NewStore();
        var article = Some.Article(url: "https://News.Example.kr/news/articleView.html?idxno=7&utm_source=x#top");

        var result = await store.SaveArticleAsync("portal", article, Some.Start, Ct);

        const string canonical = "https://news.example.kr/news/articleView.html?idxno=7";
        Assert.Equal(ArticleSaveOutcome.New, result.Outcome);
        Assert.Equal(StableId.ForArticle("portal", canonical), result.Id);
        Assert.True(Guid.TryParse(result.Id, out _));
        var stored = Assert.Single(await AllOf(store, "portal"));
        Assert.Equal(result.Id, stored.Id);
        Assert.Equal(Some.Start, stored.FirstSeen);
        Assert.Null(stored.LastChanged);
        Assert.Equal(new Uri(canonical), stored.Article.Url);
        Assert.Equal(article with { Url = new Uri(canonical), Methods = stored.Article.Methods, Images = stored.Article.Images }, stored.Article);
        Assert.Equal(article.Methods, stored.Article.Methods);
        Assert.Equal(article.Images, stored.Article.Images);
        Assert.Equal(["IT/과학"], stored.Categories);
    }

    [Theory]
    [InlineData("https://news.example.kr/news/articleView.html?idxno=7", "HTTPS://NEWS.EXAMPLE.KR:443/news/articleView.html?idxno=7")]
    [InlineData("https://news.example.kr/news/articleView.html?idxno=7", "https://news.example.kr/news/articleView.html?fbclid=abc&idxno=7#comments")]
    [InlineData("https://news.example.kr/a?x=1&y=2", "https://news.example.kr/a?y=2&x=1&gclid=z")]
    [InlineData("https://뉴스.example.kr/기사/1", "https://xn--vg1b002a.example.kr/%EA%B8%B0%EC%82%AC/1")]
    public async Task Spellings_of_one_url_are_one_article(string first, string second)
    {
        var store = NewStore();
        var a = await store.SaveArticleAsync("portal", Some.Article(url: first, title: "같은 기사", body: "같은 본문"), Some.Start, Ct);
        var b = await store.SaveArticleAsync("portal", Some.Article(url: second, title: "같은 기사", body: "같은 본문"), Some.Start.AddMinutes(5), Ct);

        Assert.Equal(a.Id, b.Id);
        Assert.Equal(ArticleSaveOutcome.Unchanged, b.Outcome);
        Assert.Single(await AllOf(store, "portal"));
    }

    [Fact]
    public async Task The_same_url_in_two_sources_is_two_articles_with_different_ids()
    {
        var store = NewStore();
        var article = Some.Article(url: "https://news.example.kr/a");
        var a = await store.SaveArticleAsync("one", article, Some.Start, Ct);
        var b = await store.SaveArticleAsync("two", article, Some.Start, Ct);

        Assert.Equal(ArticleSaveOutcome.New, b.Outcome);
        Assert.NotEqual(a.Id, b.Id);
    }

    [Fact]
    public async Task An_edited_title_updates_the_article_in_place_and_keeps_its_id()
    {
        var store = NewStore();
        var original = Some.Article(url: "https://news.example.kr/a?idxno=1", title: "행안부, 우수사례 11건 선정");
        var first = await store.SaveArticleAsync("portal", original, Some.Start, Ct);
        var versionBefore = await store.GetChangeVersionAsync(Ct);

        var corrected = original with { Title = "행안부, 우수사례 12건 선정" };
        var second = await store.SaveArticleAsync("portal", corrected, Some.Start.AddHours(2), Ct);

        Assert.Equal(ArticleSaveOutcome.Updated, second.Outcome);
        Assert.Equal(first.Id, second.Id);
        var stored = Assert.Single(await AllOf(store, "portal"));
        Assert.Equal("행안부, 우수사례 12건 선정", stored.Article.Title);
        Assert.Equal(Some.Start, stored.FirstSeen);
        Assert.Equal(Some.Start.AddHours(2), stored.LastChanged);
        Assert.True(await store.GetChangeVersionAsync(Ct) > versionBefore);
    }

    [Fact]
    public async Task A_changed_body_is_updated_in_place()
    {
        var store = NewStore();
        var original = Some.Article(url: "https://news.example.kr/b", body: "처음 본문입니다.");
        await store.SaveArticleAsync("portal", original, Some.Start, Ct);

        var result = await store.SaveArticleAsync("portal", original with { BodyText = "고친 본문입니다.", BodyHtml = "<p>고친 본문입니다.</p>" }, Some.Start.AddHours(1), Ct);

        Assert.Equal(ArticleSaveOutcome.Updated, result.Outcome);
        Assert.Equal("고친 본문입니다.", Assert.Single(await AllOf(store, "portal")).Article.BodyText);
    }

    [Fact]
    public async Task Unchanged_content_writes_nothing()
    {
        var store = NewStore();
        var article = Some.Article(url: "https://news.example.kr/c");
        await store.SaveArticleAsync("portal", article, Some.Start, Ct);
        var versionBefore = await store.GetChangeVersionAsync(Ct);

        var result = await store.SaveArticleAsync("portal", article with { Url = new Uri("https://news.example.kr/c?utm_campaign=rss") }, Some.Start.AddHours(3), Ct);

        Assert.Equal(ArticleSaveOutcome.Unchanged, result.Outcome);
        Assert.Equal(versionBefore, await store.GetChangeVersionAsync(Ct));
        Assert.Null(Assert.Single(await AllOf(store, "portal")).LastChanged);
    }

    [Fact]
    public async Task An_article_is_fetched_while_new_then_no_more_after_the_recheck_window()
    {
        var store = NewStore();
        var url = new Uri("https://news.example.kr/d?idxno=4");
        var window = TimeSpan.FromHours(48);

        Assert.True(await store.ShouldFetchArticleAsync("portal", url, Some.Start, window, Ct));
        await store.SaveArticleAsync("portal", Some.Article(url: url.AbsoluteUri), Some.Start, Ct);

        Assert.True(await store.ShouldFetchArticleAsync("portal", new Uri("https://news.example.kr/d?idxno=4&fbclid=1"), Some.Start.AddHours(47), window, Ct));
        Assert.False(await store.ShouldFetchArticleAsync("portal", url, Some.Start.AddHours(48), window, Ct));
        Assert.True(await store.ShouldFetchArticleAsync("other", url, Some.Start.AddHours(48), window, Ct));
    }

    [Fact]
    public async Task A_link_whose_page_names_another_canonical_url_stops_being_fetched_after_the_window_too()
    {
        var store = NewStore();
        var link = new Uri("https://news.example.kr/news/articleView.html?idxno=9&sc_section_code=S1N2");
        var window = TimeSpan.FromHours(48);
        await store.SaveFetchStateAsync(link, NewsFeedWorker.Fetching.FetchValidators.None, 200, Some.Start, Ct);
        await store.SaveArticleAsync("portal", Some.Article(url: "https://news.example.kr/news/articleView.html?idxno=9"), Some.Start, Ct);
        await store.SaveFetchStateAsync(link, new NewsFeedWorker.Fetching.FetchValidators("\"v2\"", null), 304, Some.Start.AddHours(43), Ct);

        Assert.True(await store.ShouldFetchArticleAsync("portal", link, Some.Start.AddHours(47), window, Ct));
        Assert.False(await store.ShouldFetchArticleAsync("portal", link, Some.Start.AddHours(49), window, Ct));
    }

    [Fact]
    public async Task A_known_article_is_rechecked_on_a_schedule_that_backs_off_with_its_age()
    {
        var store = NewStore();
        var url = new Uri("https://news.example.kr/d?idxno=5");
        var window = TimeSpan.FromHours(48);
        await store.SaveArticleAsync("portal", Some.Article(url: url.AbsoluteUri), Some.Start, Ct);
        await store.SaveFetchStateAsync(url, new NewsFeedWorker.Fetching.FetchValidators("\"v1\"", null), 200, Some.Start, Ct);

        Assert.True(await store.ShouldFetchArticleAsync("portal", url, Some.Start.AddMinutes(10), window, Ct));
        await store.SaveFetchStateAsync(url, new NewsFeedWorker.Fetching.FetchValidators("\"v1\"", null), 304, Some.Start.AddHours(2), Ct);
        Assert.False(await store.ShouldFetchArticleAsync("portal", url, Some.Start.AddHours(2).AddMinutes(20), window, Ct));
        Assert.True(await store.ShouldFetchArticleAsync("portal", url, Some.Start.AddHours(3), window, Ct));
        await store.SaveFetchStateAsync(url, new NewsFeedWorker.Fetching.FetchValidators("\"v1\"", null), 304, Some.Start.AddHours(20), Ct);
        Assert.False(await store.ShouldFetchArticleAsync("portal", url, Some.Start.AddHours(22), window, Ct));
        Assert.True(await store.ShouldFetchArticleAsync("portal", url, Some.Start.AddHours(24), window, Ct));
    }

    [Fact]
    public async Task A_list_page_is_remembered_with_its_links_and_next_page_and_a_304_keeps_them()
    {
        var store = NewStore();
        var list = new Uri("https://news.example.kr/list?page=1");
        var links = new ListPageLinks([new Uri("https://news.example.kr/d?idxno=1"), new Uri("https://news.example.kr/d?idxno=2")], new Uri("https://news.example.kr/list?page=2"));

        Assert.Null(await store.GetListPageLinksAsync(list, Ct));
        await store.SaveListPageAsync(list, new NewsFeedWorker.Fetching.FetchValidators("\"l1\"", null), 200, Some.Start, links, Ct);
        await store.SaveFetchStateAsync(list, new NewsFeedWorker.Fetching.FetchValidators("\"l1\"", null), 304, Some.Start.AddHours(1), Ct);

        var remembered = await store.GetListPageLinksAsync(list, Ct);
        Assert.NotNull(remembered);
        Assert.Equal(links.Links, remembered.Links);
        Assert.Equal(links.NextPage, remembered.NextPage);
        Assert.Equal("\"l1\"", (await store.GetValidatorsAsync(list, Ct)).ETag);
    }

    [Fact]
    public async Task Feeds_filter_by_source_and_category_newest_first_and_respect_the_limit()
    {
        var store = NewStore();
        var kst = TimeSpan.FromHours(9);
        await store.SaveArticleAsync("a", Some.Article(url: "https://a.kr/1", category: "IT/과학", published: new DateTimeOffset(2026, 11, 8, 8, 0, 0, kst)), Some.Start, Ct);
        await store.SaveArticleAsync("a", Some.Article(url: "https://a.kr/2", category: "정치", published: new DateTimeOffset(2026, 11, 8, 9, 0, 0, kst)), Some.Start, Ct);
        await store.SaveArticleAsync("b", Some.Article(url: "https://b.kr/3", category: "IT/과학", published: new DateTimeOffset(2026, 11, 8, 10, 0, 0, kst)), Some.Start, Ct);

        var all = await store.GetArticlesAsync(new ArticleQuery(), Ct);
        var science = await store.GetArticlesAsync(new ArticleQuery { CategorySlug = "it-과학" }, Ct);
        var sourceA = await AllOf(store, "a");
        var newest = await store.GetArticlesAsync(new ArticleQuery { Limit = 1 }, Ct);

        Assert.Equal(["https://b.kr/3", "https://a.kr/2", "https://a.kr/1"], all.Select(a => a.Article.Url.AbsoluteUri));
        Assert.Equal(["https://b.kr/3", "https://a.kr/1"], science.Select(a => a.Article.Url.AbsoluteUri));
        Assert.Equal(["https://a.kr/2", "https://a.kr/1"], sourceA.Select(a => a.Article.Url.AbsoluteUri));
        Assert.Equal("https://b.kr/3", Assert.Single(newest).Article.Url.AbsoluteUri);
    }

    [Fact]
    public async Task Fetch_validators_and_status_are_kept_per_url()
    {
        var store = NewStore();
        var url = new Uri("https://news.example.kr/list?page=1");
        Assert.Equal(NewsFeedWorker.Fetching.FetchValidators.None, await store.GetValidatorsAsync(url, Ct));

        var modified = new DateTimeOffset(2026, 11, 8, 1, 2, 3, TimeSpan.Zero);
        await store.SaveFetchStateAsync(url, new NewsFeedWorker.Fetching.FetchValidators("\"abc\"", modified), 200, Some.Start, Ct);
        await store.SaveFetchStateAsync(url, new NewsFeedWorker.Fetching.FetchValidators("\"def\"", modified), 200, Some.Start.AddMinutes(10), Ct);

        Assert.Equal(new NewsFeedWorker.Fetching.FetchValidators("\"def\"", modified), await NewStore().GetValidatorsAsync(url, Ct));
        Assert.Equal(NewsFeedWorker.Fetching.FetchValidators.None, await store.GetValidatorsAsync(new Uri("https://news.example.kr/list?page=2"), Ct));
    }

    [Fact]
    public async Task Source_statuses_carry_their_article_counts()
    {
        var store = NewStore();
        Time.SetUtcNow(Some.Start.AddHours(30));
        await store.SaveArticleAsync("portal", Some.Article(url: "https://p.kr/old"), Some.Start, Ct);
        await store.SaveArticleAsync("portal", Some.Article(url: "https://p.kr/new1"), Some.Start.AddHours(29), Ct);
        await store.SaveArticleAsync("portal", Some.Article(url: "https://p.kr/new2"), Some.Start.AddHours(29), Ct);
        await store.SaveArticleAsync("wire", Some.Article(url: "https://w.kr/1"), Some.Start.AddHours(29), Ct);
        await store.SaveSourceStatusAsync(new SourceStatus { SourceId = "portal", LastRun = Some.Start, LastSuccess = Some.Start }, Ct);
        await store.SaveSourceStatusAsync(new SourceStatus { SourceId = "portal", LastRun = Some.Start.AddHours(1), LastErrorAt = Some.Start.AddHours(1), LastError = "timeout", ConsecutiveFailures = 1, LastSuccess = Some.Start }, Ct);

        var statuses = await store.GetSourceStatusesAsync(Ct);

        var portal = Assert.Single(statuses, s => s.SourceId == "portal");
        Assert.Equal(Some.Start.AddHours(1), portal.LastRun);
        Assert.Equal(Some.Start, portal.LastSuccess);
        Assert.Equal("timeout", portal.LastError);
        Assert.Equal(1, portal.ConsecutiveFailures);
        Assert.Equal(3, portal.TotalArticles);
        Assert.Equal(2, portal.ArticlesLast24h);
        var wire = Assert.Single(statuses, s => s.SourceId == "wire");
        Assert.Equal((1, 1), (wire.TotalArticles, wire.ArticlesLast24h));
        Assert.Null(wire.LastRun);
    }

    [Fact]
    public async Task A_recorded_run_keeps_the_last_success_through_failures_and_counts_them_until_a_success()
    {
        var store = NewStore();
        await store.RecordRunAsync("portal", Some.Start, 0, null, Ct);
        await store.RecordRunAsync("portal", Some.Start.AddHours(1), 2, "https://p.kr/1: timeout", Ct);
        await store.RecordRunAsync("portal", Some.Start.AddHours(2), 1, "https://p.kr/2: too complex", Ct);

        var failing = Assert.Single(await store.GetSourceStatusesAsync(Ct));
        Assert.Equal("portal", failing.SourceId);
        Assert.Equal(Some.Start.AddHours(2), failing.LastRun);
        Assert.Equal(Some.Start, failing.LastSuccess);
        Assert.Equal(Some.Start.AddHours(2), failing.LastErrorAt);
        Assert.Equal("https://p.kr/2: too complex", failing.LastError);
        Assert.Equal((2, 1), (failing.ConsecutiveFailures, failing.FailedPages));

        await store.RecordRunAsync("portal", Some.Start.AddHours(3), 0, null, Ct);

        var recovered = Assert.Single(await store.GetSourceStatusesAsync(Ct));
        Assert.Equal(Some.Start.AddHours(3), recovered.LastRun);
        Assert.Equal(Some.Start.AddHours(3), recovered.LastSuccess);
        Assert.Equal(Some.Start.AddHours(2), recovered.LastErrorAt);
        Assert.Equal("https://p.kr/2: too complex", recovered.LastError);
        Assert.Equal((0, 0), (recovered.ConsecutiveFailures, recovered.FailedPages));
    }
}
