namespace NewsFeedWorker.Storage;

/// <summary>What one retention run removed.</summary>
public sealed record PruneResult(int ArticlesPruned, int TombstonesExpired, int WeatherPruned);
