using NewsFeedWorker.Storage;

namespace NewsFeedWorker.IntegrationTests.Storage;

public abstract partial class FeedStoreContractTests
{
    private static AlertDelivery Delivery(string id, string story = "story-1", string target = "webhook https://hooks.example/a") => new()
    {
        Id = id,
        TopicId = "gov-ai",
        StoryId = story,
        ArticleId = story,
        Target = target,
        PayloadJson = """{"title":"행정안전부"}""",
        CreatedAt = Some.Start,
    };

    [Fact]
    public async Task An_alert_recorded_twice_by_two_nodes_is_one_delivery()
    {
        var first = NewStore();
        var second = NewStore();

        var added = await first.EnqueueAlertsAsync([Delivery("d1")], Ct);
        var again = await second.EnqueueAlertsAsync([Delivery("d1"), Delivery("d2", story: "story-2")], Ct);

        Assert.Equal(1, added);
        Assert.Equal(1, again);
        Assert.Equal(["d1", "d2"], (await first.GetAlertsAsync("gov-ai", 10, Ct)).Select(a => a.Delivery.Id).Order());
    }

    [Fact]
    public async Task The_recorded_ids_among_those_asked_are_the_pending_and_the_sent_ones()
    {
        var store = NewStore();
        await store.EnqueueAlertsAsync([Delivery("d1"), Delivery("d2", story: "story-2")], Ct);
        await store.MarkAlertSentAsync("d2", Some.Start, Ct);

        var recorded = await store.GetRecordedAlertIdsAsync(["d1", "d2", "d3", "d1"], Ct);
        var none = await store.GetRecordedAlertIdsAsync([], Ct);

        Assert.Equal(["d1", "d2"], recorded.Order(StringComparer.Ordinal));
        Assert.Empty(none);
    }

    [Fact]
    public async Task A_due_delivery_is_claimed_by_one_node_until_its_lease_runs_out()
    {
        var first = NewStore();
        var second = NewStore();
        await first.EnqueueAlertsAsync([Delivery("d1")], Ct);

        var claimedByFirst = await first.ClaimDueAlertsAsync("node-1", Some.Start, TimeSpan.FromMinutes(2), 10, Ct);
        var claimedBySecond = await second.ClaimDueAlertsAsync("node-2", Some.Start.AddMinutes(1), TimeSpan.FromMinutes(2), 10, Ct);
        var afterLease = await second.ClaimDueAlertsAsync("node-2", Some.Start.AddMinutes(3), TimeSpan.FromMinutes(2), 10, Ct);

        Assert.Equal("""{"title":"행정안전부"}""", Assert.Single(claimedByFirst).PayloadJson);
        Assert.Empty(claimedBySecond);
        Assert.Equal("d1", Assert.Single(afterLease).Id);
    }

    [Fact]
    public async Task A_sent_delivery_is_never_claimed_again_and_a_failed_one_waits_for_its_next_attempt_and_shows_as_failing()
    {
        var store = NewStore();
        await store.EnqueueAlertsAsync([Delivery("sent"), Delivery("failed", story: "story-2", target: "ntfy https://ntfy.example/news")], Ct);
        await store.ClaimDueAlertsAsync("node-1", Some.Start, TimeSpan.FromMinutes(2), 10, Ct);

        await store.MarkAlertSentAsync("sent", Some.Start, Ct);
        await store.MarkAlertFailedAsync("failed", "HTTP 503", Some.Start, Some.Start.AddMinutes(5), Ct);
        var beforeNextAttempt = await store.ClaimDueAlertsAsync("node-1", Some.Start.AddMinutes(4), TimeSpan.FromMinutes(2), 10, Ct);
        var failing = await store.GetFailingAlertTargetsAsync(Ct);
        var atNextAttempt = await store.ClaimDueAlertsAsync("node-1", Some.Start.AddMinutes(5), TimeSpan.FromMinutes(2), 10, Ct);

        Assert.Empty(beforeNextAttempt);
        var state = Assert.Single(failing);
        Assert.Equal(new AlertTargetState("ntfy https://ntfy.example/news", 1, 1, "HTTP 503", Some.Start), state);
        Assert.Equal("failed", Assert.Single(atNextAttempt).Id);
        Assert.Equal(1, Assert.Single(await store.GetAlertsAsync("gov-ai", 10, Ct), a => a.Delivery.Id == "failed").Delivery.Attempts);
        Assert.Equal("sent", Assert.Single(await store.GetAlertsAsync("gov-ai", 10, Ct), a => a.Delivery.Id == "sent").Status);
    }

    [Fact]
    public async Task A_topic_keeps_the_time_it_was_first_seen()
    {
        var store = NewStore();

        var first = await store.GetTopicSinceAsync("gov-ai", Some.Start, Ct);
        var later = await NewStore().GetTopicSinceAsync("gov-ai", Some.Start.AddDays(1), Ct);

        Assert.Equal(Some.Start, first);
        Assert.Equal(Some.Start, later);
    }

    [Fact]
    public async Task Sent_deliveries_past_the_cut_off_are_forgotten_pending_ones_stay()
    {
        var store = NewStore();
        await store.EnqueueAlertsAsync([Delivery("old"), Delivery("pending", story: "story-2")], Ct);
        await store.MarkAlertSentAsync("old", Some.Start, Ct);

        var removed = await store.ForgetSentAlertsAsync(Some.Start.AddDays(31), Ct);

        Assert.Equal(1, removed);
        Assert.Equal("pending", Assert.Single(await store.GetAlertsAsync("gov-ai", 10, Ct)).Delivery.Id);
    }
}
