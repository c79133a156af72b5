namespace NewsFeedWorker.Fetching;

/// <summary>Why a fetch failed, for health, metrics and logs.</summary>
public enum FetchErrorKind
{
    Network,
    Timeout,
    HttpStatus,
    RateLimited,
    CircuitOpen,
    TooLarge,
    BadContent,
    TooManyRedirects,
    DisallowedUrl,
    RobotsDisallowed,
}
