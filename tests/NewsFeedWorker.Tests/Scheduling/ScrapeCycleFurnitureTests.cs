using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Tests.Scheduling;

public sealed class ScrapeCycleFurnitureTests
{
    private const ulong Note = 0xA1;
    private const ulong ReporterBox = 0xB2;

    private readonly FakeSite site = new();
    private readonly FakeFeedStore store = new();

    [Fact]
    public async Task Each_parse_gets_what_the_stored_pages_and_the_earlier_pages_of_the_run_repeated_and_every_article_page_is_stored()
    {
        this.store.FurniturePages.Add(new FurniturePage(new Uri("http://127.0.0.1:9/a/0"), [Note, ReporterBox, 100], DateTimeOffset.UnixEpoch));
        this.site.ListPage("list", null, "a/1", "a/2", "a/3")
            .ArticlePage("a/1", blocks: [Note, ReporterBox, 101])
            .ArticlePage("a/2", blocks: [Note, 102])
            .ArticlePage("a/3", blocks: [Note, ReporterBox, 103]);

        await Cycle().RunAsync(Source(), CancellationToken.None);

        // a/3 follows three pages with the note (a/0 stored before the run, a/1, a/2) and two with the reporter box.
        Assert.True(this.site.Memories[FakeSite.Url("a/1")].IsEmpty);
        Assert.True(this.site.Memories[FakeSite.Url("a/2")].IsEmpty);
        var third = this.site.Memories[FakeSite.Url("a/3")];
        Assert.True(third.Contains(Note));
        Assert.False(third.Contains(ReporterBox));
        Assert.False(third.Contains(103));
        Assert.Equal(["http://127.0.0.1:9/a/0", "http://127.0.0.1:9/a/1", "http://127.0.0.1:9/a/2", "http://127.0.0.1:9/a/3"],
            this.store.FurniturePages.Select(p => p.Url.AbsoluteUri));
        Assert.Equal([Note, 102UL], this.store.FurniturePages[2].Blocks);
        Assert.True(this.site.Memories[FakeSite.Url("list")].IsEmpty);
    }

    [Fact]
    public async Task A_source_with_the_memory_turned_off_neither_reads_nor_records_furniture()
    {
        foreach (var n in new[] { 0, 9, 8 })
        {
            this.store.FurniturePages.Add(new FurniturePage(new Uri($"http://127.0.0.1:9/a/{n}"), [Note], DateTimeOffset.UnixEpoch));
        }

        this.site.ListPage("list", null, "a/1").ArticlePage("a/1", blocks: [Note, 101]);

        await Cycle().RunAsync(Source() with { FurnitureMemory = false }, CancellationToken.None);

        Assert.True(this.site.Memories[FakeSite.Url("a/1")].IsEmpty);
        Assert.Equal(3, this.store.FurniturePages.Count);
    }

    private ScrapeCycle Cycle() => TestCycles.Over(this.site, this.store);

    private static SourceDefinition Source() => Some.Source() with { StartUrls = [FakeSite.Url("list")] };
}
