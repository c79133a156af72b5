using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Storage;

/// <summary>A stored weather snapshot.</summary>
public sealed record StoredWeather(string Id, string SourceId, WeatherSnapshot Snapshot, DateTimeOffset SeenAt);
