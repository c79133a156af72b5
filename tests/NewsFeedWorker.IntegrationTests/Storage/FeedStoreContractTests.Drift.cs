using NewsFeedWorker.Storage;

namespace NewsFeedWorker.IntegrationTests.Storage;

public abstract partial class FeedStoreContractTests
{
    [Fact]
    public async Task Drift_warnings_are_replaced_per_source_and_cleared_by_an_empty_list()
    {
        var store = NewStore();
        await store.SaveDriftAsync("portal", [
            Warned("title", "h3.heading", "title: \"h3.heading\" matched nothing on 5 of 5 pages", Some.Start),
            Warned("body", "#article", "body: \"#article\" matched nothing on 5 of 5 pages", Some.Start)], Ct);
        await store.SaveDriftAsync("other", [Warned("articleLinks", "", "articleLinks: the list pages gave no article links (they gave 12 before)", Some.Start)], Ct);
        await store.SaveDriftAsync("portal", [
            Warned("title", "h3.heading", "title: \"h3.heading\" matched nothing on 4 of 4 pages", Some.Start.AddMinutes(15)),
            new LearnedSelector("body", "#article", 9, 10)], Ct);

        // A second process (the sources command) sees what the worker wrote.
        var drift = await NewStore().GetDriftAsync(Ct);

        Assert.Equal(["title: \"h3.heading\" matched nothing on 4 of 4 pages"], drift["portal"]);
        Assert.Single(drift["other"]);

        await store.SaveDriftAsync("portal", [new LearnedSelector("title", "h3.heading", 10, 10)], Ct);

        Assert.Equal(["other"], (await store.GetDriftAsync(Ct)).Keys);
    }

    [Fact]
    public async Task What_drift_detection_learned_is_read_back_by_a_new_store_as_it_was_written()
    {
        var store = NewStore();
        LearnedSelector[] portal =
        [
            new("articleLinks", "h4.titles a", 12, 0),
            new("body", "#article", 9, 10),
            Warned("title", ".article-view-header h3.heading", "title: \".article-view-header h3.heading\" matched nothing on 5 of 5 pages", Some.Start.AddMinutes(30)),
        ];
        await store.SaveDriftAsync("portal", [new LearnedSelector("subtitle", "h4", 3, 3)], Ct);
        await store.SaveDriftAsync("portal", portal, Ct);
        await store.SaveDriftAsync("other", [new LearnedSelector("articleLinks", "", 7, 0)], Ct);
        await store.SaveDriftAsync("gone", [new LearnedSelector("title", "h1", 2, 2)], Ct);
        await store.SaveDriftAsync("gone", [], Ct);

        var learned = await NewStore().GetLearnedSelectorsAsync(Ct);

        Assert.Equal(["other", "portal"], learned.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(portal, learned["portal"]);
        Assert.Equal([new LearnedSelector("articleLinks", "", 7, 0)], learned["other"]);
    }

    private static LearnedSelector Warned(string field, string selector, string warning, DateTimeOffset since) =>
        new(field, selector, 10, 10) { Warning = warning, WarnedSince = since };
}
