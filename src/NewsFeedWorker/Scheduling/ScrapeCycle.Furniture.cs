using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Furniture;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Scheduling;

/// <summary>The source's furniture memory: loaded once per cycle, handed to each parse, taught by each article page.</summary>
public sealed partial class ScrapeCycle
{
    /// <summary>The source's furniture memory as its stored pages left it; null when the source turned it off.</summary>
    private async Task<FurnitureLedger?> LoadFurnitureAsync(SourceDefinition source, CancellationToken cancellationToken)
    {
        if (!source.FurnitureMemory)
        {
            return null;
        }

        var ledger = new FurnitureLedger();
        foreach (var page in await sink.GetFurniturePagesAsync(source.Id, cancellationToken))
        {
            ledger.Record(page.Url, page.Blocks);
        }

        return ledger;
    }

    private async Task LearnFurnitureAsync(SourceDefinition source, Fetched fetched, PageParseResult parsed, FurnitureLedger? furniture, CancellationToken cancellationToken)
    {
        if (furniture is null || parsed.Article is null || parsed.BodyBlocks.Count == 0)
        {
            return;
        }

        // Learned from every article page, whether or not its article turns out new: the memory counts pages, not stories.
        var page = new FurniturePage(fetched.FinalUrl, parsed.BodyBlocks, fetched.FetchedAt);
        furniture.Record(page.Url, page.Blocks);
        await sink.SaveFurniturePageAsync(source.Id, page, cancellationToken);
    }
}
