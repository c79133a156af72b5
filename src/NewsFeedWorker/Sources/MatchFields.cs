namespace NewsFeedWorker.Sources;

/// <summary>The article fields a topic or exclude rule can look in, by the names the sources file uses.</summary>
public static class MatchFields
{
    public const string Title = "title";
    public const string Subtitle = "subtitle";
    public const string Body = "body";
    public const string Author = "author";
    public const string Category = "category";
    public const string Source = "source";
    public const string Origin = "origin";

    /// <summary>Every field, in the order explanations list them.</summary>
    public static IReadOnlyList<string> Names { get; } = [Title, Subtitle, Body, Author, Category, Source, Origin];
}
