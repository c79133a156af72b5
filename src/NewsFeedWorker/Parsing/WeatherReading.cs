namespace NewsFeedWorker.Parsing;

/// <summary>One station's reading: <c>흐림서울 16.4℃</c> gives (서울, 흐림, 16.4).</summary>
public sealed record WeatherReading(string Station, string? Condition, decimal TemperatureC);
