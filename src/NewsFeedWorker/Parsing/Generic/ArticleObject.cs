using System.Net;
using System.Text;
using System.Text.Json;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Reads one JSON object of hydration data as an article when it has a title-like field and a
/// body: a body-like string (<c>contentHtml</c>, <c>articleBody</c>, <c>content</c> …) or an array of
/// text blocks (<c>content_elements</c> of Arc XP sites, <c>blocks</c>, <c>paragraphs</c>).
/// </summary>
internal static class ArticleObject
{
    private static readonly string[] TitleKeys = ["title", "headline", "headlines", "articleTitle", "newsTitle", "subject", "name"];
    private static readonly string[] SubtitleKeys = ["subTitle", "subtitle", "sub_title", "subHeadline", "subheadlines", "alternativeHeadline", "summaryTitle"];
    private static readonly string[] BodyKeys = ["contentHtml", "bodyHtml", "articleBody", "articleContent", "newsContent", "content", "body", "html", "contents", "text"];
    private static readonly string[] BlockKeys = ["content_elements", "contentElements", "blocks", "paragraphs", "bodyBlocks"];
    private static readonly string[] AuthorKeys = ["author", "byline", "writer", "reporter", "reporterName", "authorName", "credits"];
    private static readonly string[] DateKeys = ["datePublished", "publishedAt", "publishDate", "published", "firstPublishedAt", "first_publish_date", "display_date", "createdAt", "regDate", "serviceTime", "pubDate"];

    public static HydratedArticle? Read(JsonElement element, int minBodyLength)
    {
        var title = FirstString(element, TitleKeys);
        if (title is null || title.Length > 300)
        {
            return null;
        }

        string? body = null;
        foreach (var key in BodyKeys)
        {
            if (element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
            {
                var text = value.GetString();
                if (text is not null && ReaderableCheck.WeightedLength(text) >= minBodyLength && (body is null || text.Length > body.Length))
                {
                    body = text;
                }
            }
        }

        body ??= FromBlocks(element, minBodyLength);
        if (body is null)
        {
            return null;
        }

        return new HydratedArticle
        {
            Title = title,
            Subtitle = FirstString(element, SubtitleKeys),
            Author = FirstString(element, AuthorKeys),
            PublishedText = FirstString(element, DateKeys),
            BodyHtml = body,
            BodyLength = body.Length,
        };
    }

    /// <summary>Joins an array of text blocks into HTML, one paragraph per block.</summary>
    private static string? FromBlocks(JsonElement element, int minBodyLength)
    {
        foreach (var key in BlockKeys)
        {
            if (!element.TryGetProperty(key, out var blocks) || blocks.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var html = new StringBuilder();
            foreach (var block in blocks.EnumerateArray())
            {
                if (block.ValueKind != JsonValueKind.Object || IsMedia(block))
                {
                    continue;
                }

                var text = FirstString(block, ["content", "text", "html"]);
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var isHeading = block.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "header";
                var tag = isHeading ? "h2" : "p";
                html.Append('<').Append(tag).Append('>')
                    .Append(text.Contains('<', StringComparison.Ordinal) ? text : WebUtility.HtmlEncode(text))
                    .Append("</").Append(tag).Append('>');
            }

            if (ReaderableCheck.WeightedLength(html.ToString()) >= minBodyLength)
            {
                return html.ToString();
            }
        }

        return null;
    }

    private static bool IsMedia(JsonElement block)
        => block.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && type.GetString() is "image" or "video" or "gallery" or "oembed_response" or "raw_html" or "interstitial_link" or "ad";

    /// <summary>A string field, or the name of an object field (Arc's <c>headlines.basic</c>, <c>credits.by[0].name</c>).</summary>
    private static string? FirstString(JsonElement element, string[] keys)
    {
        foreach (var key in keys)
        {
            if (element.TryGetProperty(key, out var value) && Named(value) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Named(JsonElement value, int depth = 0)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()):
                return value.GetString();
            case JsonValueKind.Object when depth < 3:
                foreach (var inner in (ReadOnlySpan<string>)["name", "basic", "by", "text"])
                {
                    if (value.TryGetProperty(inner, out var nested) && Named(nested, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array when depth < 3:
                foreach (var item in value.EnumerateArray())
                {
                    if (Named(item, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
