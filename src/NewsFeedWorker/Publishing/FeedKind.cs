namespace NewsFeedWorker.Publishing;

/// <summary>What a feed lists.</summary>
public enum FeedKind
{
    Source,
    Category,
    All,
    Weather,
    SourceWeather,
    /// <summary>Material corrections of every source's articles, one entry per correction.</summary>
    Corrections,
    /// <summary>Material corrections of one source's articles.</summary>
    SourceCorrections,
    Topic,
}
