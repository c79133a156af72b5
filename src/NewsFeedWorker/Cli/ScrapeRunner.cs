using System.Text;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Cli;

/// <summary>The dry run behind <c>scrape</c>: fetch and parse once, follow list pages and articles, store nothing.</summary>
internal sealed class ScrapeRunner(Func<PageFetcher> fetcher, PageParser parser, TimeProvider time)
{
    /// <summary>A source's cycle: each start page, its next pages up to MaxPages, then its articles up to MaxArticles.</summary>
    /// <param name="progress">Told after each list page and article (the progress bar of a long scrape).</param>
    public async Task<ScrapeOutcome> RunSourceAsync(SourceDefinition source, CancellationToken cancellationToken, IProgress<Scheduling.CycleProgress>? progress = null)
    {
        var pages = new List<ScrapedPage>();
        var errors = new List<string>();
        var articleLinks = new List<Uri>();
        var seen = new HashSet<Uri>();
        string? failed = null;

        foreach (var start in source.StartUrls)
        {
            Uri? next = start;
            for (var listPage = 0; next is not null && listPage < Math.Max(1, source.ArticleLinks.MaxPages); listPage++)
            {
                var origin = listPage == 0 ? UrlOrigin.Operator : UrlOrigin.Discovered;
                var (page, error) = await FetchAndParseAsync(source, next, origin, cancellationToken);
                if (page is null)
                {
                    errors.Add(error!);
                    failed ??= listPage == 0 ? error : null;
                    break;
                }

                pages.Add(page);
                articleLinks.AddRange(page.Result.ArticleLinks.Where(seen.Add));
                progress?.Report(new(pages.Count, Math.Min(articleLinks.Count, source.ArticleLinks.MaxArticles), 0, 0, 0, errors.Count));
                next = page.Result.NextPage is { } candidate && seen.Add(candidate) ? candidate : null;
            }
        }

        var listPages = pages.Count;
        var toRead = articleLinks.Take(source.ArticleLinks.MaxArticles).ToList();
        foreach (var (link, index) in toRead.Select((link, index) => (link, index)))
        {
            var (page, error) = await FetchAndParseAsync(source, link, UrlOrigin.Discovered, cancellationToken);
            if (page is null)
            {
                errors.Add(error!);
            }
            else
            {
                pages.Add(page);
            }

            progress?.Report(new(listPages, toRead.Count, index + 1, 0, 0, errors.Count));
        }

        return new ScrapeOutcome(pages, errors, failed);
    }

    /// <summary>One page by URL, with the source's selectors (or a generic source).</summary>
    public async Task<ScrapeOutcome> RunUrlAsync(SourceDefinition source, Uri url, CancellationToken cancellationToken)
    {
        var (page, error) = await FetchAndParseAsync(source, url, UrlOrigin.Operator, cancellationToken);
        return page is null ? new ScrapeOutcome([], [error!], error) : new ScrapeOutcome([page], [], null);
    }

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

    private async Task<(ScrapedPage? Page, string? Error)> FetchAndParseAsync(SourceDefinition source, Uri url, UrlOrigin origin, CancellationToken cancellationToken)
    {
        var result = await fetcher().FetchAsync(source, url, origin, FetchValidators.None, cancellationToken);
        switch (result)
        {
            case Fetched fetched:
                var parsed = parser.Parse(fetched.Body, fetched.Encoding, fetched.FinalUrl, source, fetched.FetchedAt, cancellationToken);
                return parsed.Failure is { } failure
                    ? (null, $"could not parse {fetched.FinalUrl}: {failure}")
                    : (new ScrapedPage(fetched.FinalUrl, fetched.Body, fetched.Encoding, parsed), null);
            case FetchFailed failed:
                return (null, $"could not fetch {url}: {failed.Kind}: {failed.Reason}");
            default:
                return (null, $"could not fetch {url}: the server answered 304 Not Modified to an unconditional request");
        }
    }

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
