namespace NewsFeedWorker.Sources;

/// <summary>Selectors for a weather widget; without them generic mode finds a KMA-style widget by its shape.</summary>
public sealed record WeatherSelectors
{
    public bool Enabled { get; init; } = true;
    public string? Container { get; init; }
    public string? Item { get; init; }
    public string? Station { get; init; }
    public string? Condition { get; init; }
    public string? Temperature { get; init; }
    /// <summary>The element holding the page's date header (e.g. <c>2025.11.08 (토)</c>).</summary>
    public string? Date { get; init; }
    public string? Provider { get; init; }
}
