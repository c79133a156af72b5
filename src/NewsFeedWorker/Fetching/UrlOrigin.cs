namespace NewsFeedWorker.Fetching;

/// <summary>Where a URL came from: operator URLs are trusted, discovered links are checked.</summary>
public enum UrlOrigin
{
    /// <summary>From the settings file or the command line.</summary>
    Operator,

    /// <summary>Found on a fetched page: must stay in the source's allowed hosts and off private addresses.</summary>
    Discovered,
}
