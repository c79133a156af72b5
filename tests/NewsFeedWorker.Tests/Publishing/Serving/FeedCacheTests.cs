using Microsoft.Extensions.DependencyInjection;
using NewsFeedWorker.Publishing;
using NewsFeedWorker.Publishing.Serving;
using NewsFeedWorker.Tests.Publishing.Fakes;

namespace NewsFeedWorker.Tests.Publishing.Serving;

public sealed class FeedCacheTests
{
    [Fact]
    public async Task An_unchanged_feed_is_served_from_memory_with_at_most_one_version_check_per_interval()
    {
        using var harness = new PublishingHarness();
        var first = await harness.GetAsync(FeedDefinition.All, FeedFormat.Rss);
        var queries = harness.Store.ArticleQueries;
        var versionChecks = harness.Store.VersionQueries;

        var again = await harness.GetAsync(FeedDefinition.All, FeedFormat.Rss);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var third = await harness.GetAsync(FeedDefinition.All, FeedFormat.Rss);

        Assert.Same(first, again);
        Assert.Same(first, third);
        Assert.Equal(queries, harness.Store.ArticleQueries);
        Assert.Equal(versionChecks, harness.Store.VersionQueries);
    }

    [Fact]
    public async Task After_the_interval_only_the_version_is_asked_while_nothing_changed()
    {
        using var harness = new PublishingHarness();
        var first = await harness.GetAsync(FeedDefinition.ForSource(FeedSeed.PortalId), FeedFormat.Atom);
        var queries = harness.Store.ArticleQueries;
        var versionChecks = harness.Store.VersionQueries;

        harness.Time.Advance(TimeSpan.FromSeconds(3));
        var again = await harness.GetAsync(FeedDefinition.ForSource(FeedSeed.PortalId), FeedFormat.Atom);

        Assert.Same(first, again);
        Assert.Equal(queries, harness.Store.ArticleQueries);
        Assert.Equal(versionChecks + 1, harness.Store.VersionQueries);
    }

    [Fact]
    public async Task The_three_formats_of_a_feed_share_one_store_query()
    {
        using var harness = new PublishingHarness();
        var before = harness.Store.ArticleQueries;

        foreach (var format in FeedFormats.All)
        {
            await harness.GetAsync(FeedDefinition.ForSource(FeedSeed.RegionId), format);
        }

        Assert.Equal(before + 1, harness.Store.ArticleQueries);
    }

    [Fact]
    public async Task A_version_change_rerenders_and_equal_content_keeps_the_etag()
    {
        using var harness = new PublishingHarness();
        var first = await harness.GetAsync(FeedDefinition.All, FeedFormat.Json);

        harness.Store.BumpVersion();
        harness.Services.GetRequiredService<ChangeVersionGate>().Invalidate();
        var rerendered = await harness.GetAsync(FeedDefinition.All, FeedFormat.Json);

        Assert.NotSame(first, rerendered);
        Assert.Equal(first!.ETag, rerendered!.ETag);
        Assert.Equal(first.Content, rerendered.Content);
    }

    [Fact]
    public async Task Concurrent_requests_after_a_change_render_a_feed_once()
    {
        using var harness = new PublishingHarness();
        await harness.GetAsync(FeedDefinition.All, FeedFormat.Rss);
        harness.Store.Add(FeedSeed.Adversarial());
        harness.Services.GetRequiredService<ChangeVersionGate>().Invalidate();
        var before = harness.Store.ArticleQueries;

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => harness.GetAsync(FeedDefinition.All, FeedFormat.Rss))));

        Assert.Equal(before + 1, harness.Store.ArticleQueries);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task Changed_sources_are_seen_without_a_store_write()
    {
        using var harness = new PublishingHarness();
        var before = await harness.GetAsync(FeedDefinition.ForSource(FeedSeed.PortalId), FeedFormat.Rss);

        harness.Sources = [.. harness.Sources.Select(s => s.Id == FeedSeed.PortalId ? s with { Name = "포탈뉴스" } : s)];
        var after = await harness.GetAsync(FeedDefinition.ForSource(FeedSeed.PortalId), FeedFormat.Rss);

        Assert.NotEqual(before!.ETag, after!.ETag);
        Assert.Contains("<title>포탈뉴스</title>", System.Text.Encoding.UTF8.GetString(after.Content), StringComparison.Ordinal);
    }
}
