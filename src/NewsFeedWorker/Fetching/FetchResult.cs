using System.Text;

namespace NewsFeedWorker.Fetching;

/// <summary>The outcome of one fetch; expected failures are values, not exceptions.</summary>
public abstract record FetchResult(Uri RequestedUrl)
{
    /// <summary>HTTP attempts made, over all redirect hops and retries (robots.txt not included); 0 when nothing was sent.</summary>
    public int Attempts { get; init; }

    /// <summary>Time the fetch took, politeness waits and retries included.</summary>
    public TimeSpan Elapsed { get; init; }
}

/// <summary>A page that arrived: bytes plus the charset detected for them.</summary>
public sealed record Fetched(
    Uri RequestedUrl,
    Uri FinalUrl,
    int Status,
    byte[] Body,
    Encoding Encoding,
    string? ContentType,
    FetchValidators Validators,
    DateTimeOffset FetchedAt) : FetchResult(RequestedUrl);

/// <summary>The server answered 304: the page is as it was, nothing to parse.</summary>
public sealed record NotModified(Uri RequestedUrl, FetchValidators Validators) : FetchResult(RequestedUrl);

/// <summary>The fetch failed; <see cref="Kind"/> says why, <see cref="Reason"/> says it for a log line.</summary>
public sealed record FetchFailed(Uri RequestedUrl, FetchErrorKind Kind, string Reason, int? Status = null) : FetchResult(RequestedUrl);
