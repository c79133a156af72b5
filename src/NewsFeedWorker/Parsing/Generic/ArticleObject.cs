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
    private static readonly string[] BlockKeys = ["content_elements", "contentElements", "blocks", "paragraphs", "bodyBlocks", "body", "content", "contents"];
    private static readonly string[] AuthorKeys = ["author", "byline", "writer", "reporter", "reporterName", "authorName", "credits"];
    private static readonly string[] DateKeys = ["datePublished", "publishedAt", "publishDate", "published", "firstPublishedAt", "first_publish_date", "display_date", "createdAt", "regDate", "serviceTime", "pubDate"];

    // Korean CMSs name fields by abbreviation (artclTitle, artclCn, rptrNm, regDt): when no common name is there, a field
    // whose name ends like one (case ignored) stands in.
    private static readonly string[] TitleEndings = ["title", "ttl", "sj"];
    private static readonly string[] TitleNotStarts = ["sub", "seo", "og", "site", "sect", "cat", "menu", "page", "series"];
    private static readonly string[] BodyEndings = ["contenthtml", "content", "contents", "cntnt", "cntn", "cn", "body", "html"];
    private static readonly string[] AuthorEndings = ["rptrnm", "rptrname", "reporternm", "writernm", "wrtrnm", "authornm", "writername", "reportername"];
    private static readonly string[] DateEndings = ["regdt", "regdttm", "regdate", "inputdt", "inputdate", "insdt", "insertdate", "pubdt", "pblcndt", "publishdt", "firstinputdt"];

    public static HydratedArticle? Read(JsonElement element, int minBodyLength)
    {
        var title = FirstString(element, TitleKeys) ?? EndingString(element, TitleEndings, TitleNotStarts);
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

        body ??= FromBlocks(element, minBodyLength) ?? EndingBody(element, minBodyLength);
        if (body is null)
        {
            return null;
        }

        return new HydratedArticle
        {
            Title = title,
            Subtitle = FirstString(element, SubtitleKeys),
            Author = FirstString(element, AuthorKeys) ?? EndingString(element, AuthorEndings, []),
            PublishedText = FirstString(element, DateKeys) ?? EndingString(element, DateEndings, []),
            BodyHtml = body,
            BodyLength = body.Length,
        };
    }

    /// <summary>Joins an array of text blocks into HTML, one paragraph per block.</summary>
    private static string? FromBlocks(JsonElement element, int minBodyLength)
    {
        foreach (var key in BlockKeys)
        {
            if (!element.TryGetProperty(key, out var blocks))
            {
                continue;
            }

            if (blocks.ValueKind == JsonValueKind.Object && blocks.TryGetProperty("content", out var root))
            {
                blocks = root; // a rich-text editor's document root ({"type": "doc", "content": [ … ]})
            }

            if (blocks.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var html = new StringBuilder();
            foreach (var block in blocks.EnumerateArray())
            {
                if (block.ValueKind is not (JsonValueKind.Object or JsonValueKind.String) || (block.ValueKind == JsonValueKind.Object && IsMedia(block)))
                {
                    continue;
                }

                // A paragraph is a string, an object with its text, or (rich-text editors' trees: Slate, Portable Text,
                // ProseMirror) an object whose children or content are runs of text.
                var text = block.ValueKind == JsonValueKind.String ? block.GetString()
                    : block.TryGetProperty("content", out var inner) && inner.ValueKind == JsonValueKind.String ? inner.GetString()
                    : FirstString(block, ["text", "html"]) ?? RunsText(block);
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var isHeading = block.ValueKind == JsonValueKind.Object && block.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() is "header" or "heading" or "heading-two" or "heading-three" or "h2" or "h3";
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

    /// <summary>The text of a rich-text node's runs (<c>children</c> or <c>content</c> arrays of <c>{"text": …}</c>), joined.</summary>
    private static string? RunsText(JsonElement node, int depth = 0)
    {
        if (depth > 4)
        {
            return null;
        }

        StringBuilder? text = null;
        foreach (var key in (ReadOnlySpan<string>)["children", "content"])
        {
            if (!node.TryGetProperty(key, out var runs) || runs.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var run in runs.EnumerateArray())
            {
                if (run.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var part = run.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : RunsText(run, depth + 1);
                if (!string.IsNullOrEmpty(part))
                {
                    (text ??= new StringBuilder()).Append(part);
                }
            }
        }

        return text?.ToString();
    }

    /// <summary>The longest string field whose name ends like a body field (<c>artclCn</c>, <c>newsContents</c>).</summary>
    private static string? EndingBody(JsonElement element, int minBodyLength)
    {
        string? body = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && EndsWithAny(property.Name, BodyEndings)
                && property.Value.GetString() is { } text && ReaderableCheck.WeightedLength(text) >= minBodyLength && (body is null || text.Length > body.Length))
            {
                body = text;
            }
        }

        return body;
    }

    /// <summary>The first non-blank string field whose name ends with one of <paramref name="endings"/> and starts with none of <paramref name="notStarts"/>.</summary>
    private static string? EndingString(JsonElement element, string[] endings, string[] notStarts)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && EndsWithAny(property.Name, endings)
                && !Array.Exists(notStarts, start => property.Name.StartsWith(start, StringComparison.OrdinalIgnoreCase))
                && !string.IsNullOrWhiteSpace(property.Value.GetString()))
            {
                return property.Value.GetString();
            }
        }

        return null;
    }

    private static bool EndsWithAny(string name, string[] endings)
        => Array.Exists(endings, ending => name.EndsWith(ending, StringComparison.OrdinalIgnoreCase));

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
