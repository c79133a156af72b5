using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests;

/// <summary>Test data that is valid unless a test says otherwise.</summary>
internal static class Some
{
    public static SourceDefinition Source(string id = "alpha", string schedule = "0 0 3 * * ?", string timeZone = "Asia/Seoul", bool enabled = true) => new()
    {
        Id = id,
        Name = $"Source {id}",
        Schedule = schedule,
        TimeZone = timeZone,
        Enabled = enabled,
        StartUrls = [new Uri($"http://127.0.0.1:9/{id}/")],
    };

    /// <summary>A sources.json with one source whose members are given as raw JSON (without braces).</summary>
    public static string SourcesJson(params string[] sources) =>
        $$"""{ "sources": [ {{string.Join(",", sources.Select(s => "{" + s + "}"))}} ] }""";

    public const string MinimalSource = """
        "id": "alpha", "name": "Alpha", "schedule": "0 */15 * * * ?", "startUrls": ["https://news.example/list"]
        """;
}
