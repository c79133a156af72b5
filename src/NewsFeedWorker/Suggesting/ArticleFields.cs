using System.Globalization;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Suggesting;

/// <summary>The configured-mode fields <c>suggest</c> derives: how to read each from an article and set its selector.</summary>
internal static class ArticleFields
{
    public static IReadOnlyList<string> All { get; } = ["title", "subtitle", "author", "published", "updated", "category", "body", "credit", "leadImage"];

    /// <summary>The field's value as compared between the modes (dates as UTC instants, text normalized).</summary>
    public static string? Value(Article? article, string field) => article is null ? null : field switch
    {
        "title" => Text.Norm(article.Title),
        "subtitle" => Nullable(article.Subtitle),
        "author" => Nullable(article.Author),
        "published" => article.Published?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        "updated" => article.Updated?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        "category" => Nullable(article.Category),
        "body" => Nullable(article.BodyText),
        "credit" => Nullable(article.Origin),
        "leadImage" => article.LeadImage?.AbsoluteUri,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a derived field"),
    };

    /// <summary>How the field was extracted, as the article's method table names it.</summary>
    public static string? Method(Article? article, string field) =>
        article is not null && article.Methods.TryGetValue(field == "credit" ? "origin" : field, out var method) ? method.ToString() : null;

    public static string? Selector(ArticleSelectors selectors, string field) => field switch
    {
        "title" => selectors.Title,
        "subtitle" => selectors.Subtitle,
        "author" => selectors.Author,
        "published" => selectors.Published,
        "updated" => selectors.Updated,
        "category" => selectors.Category,
        "body" => selectors.Body,
        "credit" => selectors.Credit,
        "leadImage" => selectors.LeadImage,
        _ => null,
    };

    public static ArticleSelectors With(ArticleSelectors selectors, string field, string? selector) => field switch
    {
        "title" => selectors with { Title = selector },
        "subtitle" => selectors with { Subtitle = selector },
        "author" => selectors with { Author = selector },
        "published" => selectors with { Published = selector },
        "updated" => selectors with { Updated = selector },
        "category" => selectors with { Category = selector },
        "body" => selectors with { Body = selector },
        "credit" => selectors with { Credit = selector },
        "leadImage" => selectors with { LeadImage = selector },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a derived field"),
    };

    private static string? Nullable(string? text) => Text.Norm(text) is { Length: > 0 } norm ? norm : null;
}
