using System.Text;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Scheduling;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Cli;

/// <summary>
/// The dry run behind <c>scrape</c>: a source (or one URL) runs through the scheduled cycle itself, into a sink that
/// stores nothing, so the dry run takes exactly the pages the service would; a saved file is only parsed.
/// </summary>
internal sealed class ScrapeRunner(Func<ICycleSink, ScrapeCycle> cycle, PageParser parser, TimeProvider time)
{
    /// <summary>A source's cycle: each start page, its next pages up to MaxPages, then its articles up to MaxArticles.</summary>
    /// <param name="progress">Told after each list page and article (the progress bar of a long scrape).</param>
    public async Task<ScrapeOutcome> RunSourceAsync(SourceDefinition source, CancellationToken cancellationToken, IProgress<CycleProgress>? progress = null)
    {
        var sink = new DryRunSink();
        await cycle(sink).RunAsync(source, progress, cancellationToken);
        return sink.Outcome();
    }

    /// <summary>One page by URL, with the source's selectors (or a generic source): the cycle with that page as its only list page and no articles.</summary>
    public Task<ScrapeOutcome> RunUrlAsync(SourceDefinition source, Uri url, CancellationToken cancellationToken) =>
        RunSourceAsync(source with { StartUrls = [url], ArticleLinks = source.ArticleLinks with { MaxPages = 1, MaxArticles = 0 } }, cancellationToken);

    /// <summary>A saved page, parsed offline as if fetched from <paramref name="url"/>.</summary>
    public ScrapeOutcome RunFile(SourceDefinition source, byte[] body, Uri url)
    {
        var encoding = SourceEncoding(source) ?? Encoding.UTF8;
        var result = parser.Parse(body, encoding, url, source, time.GetUtcNow());
        var failed = result.Failure is { } failure ? $"could not parse {url}: {failure}" : null;
        return new ScrapeOutcome([new ScrapedPage(url, body, encoding, result)], failed is null ? [] : [failed], failed);
    }

    /// <summary>A source for pages of a site nobody configured: generic mode, the URL's host allowed.</summary>
    public static SourceDefinition GenericSource(Uri url) => new()
    {
        Id = "generic",
        Name = url.Host,
        Schedule = "0 0 * * * ?",
        StartUrls = [url],
    };

    private static Encoding? SourceEncoding(SourceDefinition source)
    {
        if (source.Encoding is null)
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(source.Encoding);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
