
namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Reads OpenGraph, <c>article:*</c>, Twitter, Dublin Core, Parse.ly and Sailthru meta tags, plus canonical and language.</summary>
internal static class MetaTagReader
{
    public static void Read(PageIndex index, MetadataFields fields)
    {
        var meta = Collect(index);
        const ExtractionMethod method = ExtractionMethod.Meta;
        Offer(fields, meta, FieldNames.Title, method, "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title", "sailthru.title");
        Offer(fields, meta, FieldNames.Author, method, "dc:creator", "dcterm:creator", "author", "parsely-author", "sailthru.author", "article:author_name", "og:article:author");
        if (meta.TryGetValue("article:author", out var articleAuthor) && !LooksLikeUrl(articleAuthor))
        {
            fields.Offer(FieldNames.Author, articleAuthor, method);
        }

        Offer(fields, meta, FieldNames.Summary, method, "dc:description", "dcterm:description", "og:description", "weibo:article:description", "weibo:webpage:description", "description", "twitter:description", "sailthru.description");
        Offer(fields, meta, FieldNames.Published, method, "article:published_time", "dcterms.available", "dcterms.created", "dcterms.issued", "dc.date.issued", "dc.date", "dc:date", "weibo:article:create_at", "parsely-pub-date", "sailthru.date", "og:published_time", "datepublished", "pubdate", "publishdate", "date");
        Offer(fields, meta, FieldNames.Updated, method, "article:modified_time", "og:updated_time", "dcterms.modified", "datemodified", "last-modified");
        Offer(fields, meta, FieldNames.Category, method, "article:section", "parsely-section", "sailthru.section", "section", "category");
        Offer(fields, meta, FieldNames.LeadImage, method, "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "parsely-image-url", "sailthru.image.full");
        Offer(fields, meta, FieldNames.SiteName, method, "og:site_name", "application-name", "twitter:site");
        Offer(fields, meta, FieldNames.Language, method, "content-language", "dc.language", "og:locale");

        fields.DeclaresArticle |= meta.TryGetValue("og:type", out var type) && type.Trim().Equals("article", StringComparison.OrdinalIgnoreCase);
        fields.Offer(FieldNames.LeadImage, index.ImageSrcHref, method);
        fields.Offer(FieldNames.Canonical, index.CanonicalHref ?? meta.GetValueOrDefault("og:url"), method);
    }

    private static void Offer(MetadataFields fields, Dictionary<string, string> meta, string field, ExtractionMethod method, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (meta.TryGetValue(key, out var value))
            {
                fields.Offer(field, value, method);
                if (fields[field] is not null)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One pass over the meta tags; <c>property</c> may list several space-separated names.</summary>
    private static Dictionary<string, string> Collect(PageIndex index)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in index.Metas)
        {
            var content = element.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            // Readability lets property= win over name= for the same key; so do we.
            foreach (var attribute in (ReadOnlySpan<string>)["property", "name", "itemprop", "http-equiv"])
            {
                var names = element.GetAttribute(attribute);
                if (string.IsNullOrWhiteSpace(names))
                {
                    continue;
                }

                foreach (var name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    // Twitter and Dublin Core use both ':' and '.', normalise to the spelling we look up.
                    var key = name.StartsWith("dc.", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("dc.date", StringComparison.OrdinalIgnoreCase)
                        ? string.Concat("dc:", name.AsSpan(3))
                        : name.StartsWith("dcterm.", StringComparison.OrdinalIgnoreCase) ? string.Concat("dcterm:", name.AsSpan(7)) : name;
                    if (attribute == "property")
                    {
                        meta[key] = content;
                    }
                    else
                    {
                        meta.TryAdd(key, content);
                    }
                }
            }
        }

        return meta;
    }

    private static bool LooksLikeUrl(string value)
        => value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.StartsWith('/');
}
