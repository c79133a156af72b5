namespace NewsFeedWorker.Publishing;

/// <summary>What a feed lists.</summary>
public enum FeedKind
{
    Source,
    Category,
    All,
    Weather,
    SourceWeather,
    Topic,
}
