using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Fetching;

/// <summary>Fetches one page politely and safely: resilience, robots.txt, limits, charset detection.</summary>
public sealed class PageFetcher
{
    public Task<FetchResult> FetchAsync(SourceDefinition source, Uri url, UrlOrigin origin, FetchValidators validators, CancellationToken cancellationToken)
        => throw new NotImplementedException("fetch stage");
}
