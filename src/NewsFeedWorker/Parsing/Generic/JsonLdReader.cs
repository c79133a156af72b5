using System.Text.Json;
using System.Text.RegularExpressions;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Reads schema.org article data from <c>application/ld+json</c> scripts, including <c>@graph</c> and arrays.</summary>
internal static partial class JsonLdReader
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting",
        "TechArticle", "ScholarlyArticle", "Report", "SatiricalArticle", "MedicalScholarlyArticle", "DiscussionForumPosting",
        "AdvertiserContentArticle", "APIReference", "WebPage", "Recipe", "CreativeWork",
    };

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static void Read(PageIndex index, MetadataFields fields, string? documentTitle)
    {
        // A site often states its page as a WebPage in one script and the story as a NewsArticle in a later one: a real
        // article type in any script beats a generic one found first.
        JsonDocument? generic = null;
        JsonElement? genericFound = null;
        try
        {
            foreach (var script in index.LdJsonScripts)
            {
                var json = UnicodeText.ValidJson(Unwrap(script.TextContent));

                JsonDocument parsed;
                try
                {
                    parsed = JsonDocument.Parse(json, Options);
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common (a stray quote, two objects in one script); its dates are still plainly written.
                    OfferDatesFromText(json, fields);
                    continue;
                }

                if (FindArticle(parsed.RootElement, 0) is not { } found)
                {
                    parsed.Dispose();
                    continue;
                }

                if (Rank(found) == 2)
                {
                    using (parsed)
                    {
                        Apply(found, fields, documentTitle);
                        return;
                    }
                }

                if (generic is null)
                {
                    (generic, genericFound) = (parsed, found);
                }
                else
                {
                    parsed.Dispose();
                }
            }

            if (genericFound is { } page)
            {
                Apply(page, fields, documentTitle);
            }
        }
        finally
        {
            generic?.Dispose();
        }
    }

    private static void OfferDatesFromText(string json, MetadataFields fields)
    {
        foreach (Match match in DateProperty().Matches(json))
        {
            var field = match.Groups["name"].Value == "dateModified" ? FieldNames.Updated : FieldNames.Published;
            fields.Offer(field, match.Groups["value"].Value, ExtractionMethod.JsonLd);
        }
    }

    [GeneratedRegex(@"""(?<name>datePublished|dateCreated|dateModified)""\s*:\s*""(?<value>[^""]{6,40})""", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DateProperty();

    /// <summary>Strips the CDATA and HTML-comment wrappers some CMSs put around the JSON.</summary>
    private static string Unwrap(string text)
    {
        var json = text.AsSpan().Trim();
        foreach (var (open, close) in (ReadOnlySpan<(string, string)>)[("<![CDATA[", "]]>"), ("<!--", "-->")])
        {
            if (json.StartsWith(open, StringComparison.Ordinal))
            {
                json = json[open.Length..];
                if (json.EndsWith(close, StringComparison.Ordinal))
                {
                    json = json[..^close.Length];
                }

                json = json.Trim();
            }
        }

        return json.ToString();
    }

    private static JsonElement? FindArticle(JsonElement element, int depth)
    {
        if (depth > 6)
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                JsonElement? best = null;
                foreach (var item in element.EnumerateArray())
                {
                    var found = FindArticle(item, depth + 1);
                    if (found is { } f && (best is null || Rank(f) > Rank(best.Value)))
                    {
                        best = f;
                    }
                }

                return best;
            case JsonValueKind.Object:
                if (element.TryGetProperty("@graph", out var graph))
                {
                    var inGraph = FindArticle(graph, depth + 1);
                    if (inGraph is not null)
                    {
                        return inGraph;
                    }
                }

                if (IsArticle(element))
                {
                    return element;
                }

                if (element.TryGetProperty("mainEntity", out var main))
                {
                    return FindArticle(main, depth + 1);
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Real article types beat the generic WebPage/CreativeWork ones.</summary>
    private static int Rank(JsonElement element)
        => TypeNames(element).Any(t => t is not ("WebPage" or "CreativeWork" or "Recipe")) ? 2 : 1;

    private static bool IsArticle(JsonElement element) => TypeNames(element).Any(ArticleTypes.Contains);

    private static IEnumerable<string> TypeNames(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            yield break;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            yield return type.GetString()!;
        }
        else if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in type.EnumerateArray())
            {
                if (t.ValueKind == JsonValueKind.String)
                {
                    yield return t.GetString()!;
                }
            }
        }
    }

    private static void Apply(JsonElement article, MetadataFields fields, string? documentTitle)
    {
        const ExtractionMethod method = ExtractionMethod.JsonLd;
        fields.DeclaresArticle |= IsArticle(article);
        fields.DeclaresArticleType |= Rank(article) == 2;
        fields.Offer(FieldNames.Title, Title(article, documentTitle), method);
        fields.Offer(FieldNames.Subtitle, Text(article, "alternativeHeadline"), method);
        fields.Offer(FieldNames.Author, Names(article, "author") ?? Names(article, "creator"), method);
        fields.Offer(FieldNames.Published, Text(article, "datePublished") ?? Text(article, "dateCreated"), method);
        fields.Offer(FieldNames.Updated, Text(article, "dateModified"), method);
        fields.Offer(FieldNames.Category, Names(article, "articleSection"), method);
        fields.Offer(FieldNames.Summary, Text(article, "description"), method);
        fields.Offer(FieldNames.LeadImage, Url(article, "image") ?? Url(article, "thumbnailUrl"), method);
        fields.Offer(FieldNames.Language, Text(article, "inLanguage"), method);
        if (article.TryGetProperty("publisher", out var publisher))
        {
            fields.Offer(FieldNames.SiteName, Names(publisher), method);
        }

        fields.OfferBodyText(RawText(article, "articleBody"), method);
    }

    /// <summary>
    /// <c>name</c> and <c>headline</c> often differ (one is the SEO variant); like Readability, take the
    /// headline only when it, and not the name, resembles the document title.
    /// </summary>
    private static string? Title(JsonElement article, string? documentTitle)
    {
        var isPage = !TypeNames(article).Any(t => t is not ("WebPage" or "CreativeWork"));
        var name = isPage ? null : Text(article, "name");
        var headline = Text(article, "headline");
        if (name is null || headline is null || name == headline)
        {
            return name ?? headline;
        }

        if (documentTitle is not null && TextMeasure.Similarity(headline, documentTitle) > 0.75 && TextMeasure.Similarity(name, documentTitle) <= 0.75)
        {
            return headline;
        }

        // Some sites put their own name into the article's name: the publisher's name is never the story's.
        if (article.TryGetProperty("publisher", out var publisher) && Names(publisher) == name)
        {
            return headline;
        }

        return name;
    }

    private static string? RawText(JsonElement element, string property)
        => element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Text(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).FirstOrDefault(),
            _ => null,
        };
    }

    /// <summary>Authors come as a string, a Person/Organization object, or an array of either.</summary>
    private static string? Names(JsonElement element, string property)
        => element.TryGetProperty(property, out var value) ? Names(value) : null;

    private static string? Names(JsonElement value)
    {
        var names = new List<string>();
        Collect(value, names);
        var distinct = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? null : string.Join(", ", distinct);

        static void Collect(JsonElement value, List<string> names)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    names.Add(value.GetString()!);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        Collect(item, names);
                    }

                    break;
                case JsonValueKind.Object when value.TryGetProperty("name", out var name):
                    Collect(name, names);
                    break;
            }
        }
    }

    private static string? Url(JsonElement element, string property)
        => element.TryGetProperty(property, out var value) ? UrlOf(value) : null;

    private static string? UrlOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => value.EnumerateArray().Select(UrlOf).FirstOrDefault(u => u is not null),
        JsonValueKind.Object => value.TryGetProperty("url", out var url) ? UrlOf(url)
            : value.TryGetProperty("contentUrl", out var content) ? UrlOf(content) : null,
        _ => null,
    };
}
