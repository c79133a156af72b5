namespace NewsFeedWorker.IntegrationTests.Storage;

public abstract partial class FeedStoreContractTests
{
    [Fact]
    public async Task Drift_warnings_are_replaced_per_source_and_cleared_by_an_empty_list()
    {
        var store = NewStore();
        await store.SaveDriftAsync("portal", ["title: \"h3.heading\" matched nothing on 5 of 5 pages", "body: \"#article\" matched nothing on 5 of 5 pages"], Some.Start, Ct);
        await store.SaveDriftAsync("other", ["articleLinks: the list pages gave no article links (they gave 12 before)"], Some.Start, Ct);
        await store.SaveDriftAsync("portal", ["title: \"h3.heading\" matched nothing on 4 of 4 pages"], Some.Start.AddMinutes(15), Ct);

        // A second process (the sources command) sees what the worker wrote.
        var drift = await NewStore().GetDriftAsync(Ct);

        Assert.Equal(["title: \"h3.heading\" matched nothing on 4 of 4 pages"], drift["portal"]);
        Assert.Single(drift["other"]);

        await store.SaveDriftAsync("portal", [], Some.Start.AddMinutes(30), Ct);

        Assert.Equal(["other"], (await store.GetDriftAsync(Ct)).Keys);
    }
}
