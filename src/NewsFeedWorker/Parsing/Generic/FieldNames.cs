namespace NewsFeedWorker.Parsing.Generic;

/// <summary>The camelCase field names used as keys of <see cref="GenericExtraction.Methods"/> (the same as the JSON output).</summary>
public static class FieldNames
{
    public const string Title = "title";
    public const string Subtitle = "subtitle";
    public const string Author = "author";
    public const string Published = "published";
    public const string Updated = "updated";
    public const string Category = "category";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string LeadImage = "leadImage";
    public const string Language = "language";
    internal const string SiteName = "siteName";
    internal const string Canonical = "canonical";
}
