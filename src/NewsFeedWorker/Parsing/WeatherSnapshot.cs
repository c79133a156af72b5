namespace NewsFeedWorker.Parsing;

/// <summary>A weather widget's readings as shown on one page.</summary>
public sealed record WeatherSnapshot
{
    /// <summary>Who supplies the readings, e.g. <c>기상청</c> from <c>기상청 제공</c>.</summary>
    public string? Provider { get; init; }

    /// <summary>The date the page shows (its date header), when it shows one.</summary>
    public DateOnly? ObservedOn { get; init; }

    public required IReadOnlyList<WeatherReading> Readings { get; init; }
}
