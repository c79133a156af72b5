using NewsFeedWorker.Parsing.Content;


namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Reads OpenGraph, <c>article:*</c>, Twitter, Dublin Core, Parse.ly and Sailthru meta tags, plus canonical and language.</summary>
internal static class MetaTagReader
{
    // The common names first (OpenGraph, Dublin Core, schema.org microdata, news vendors' own); the bare "date" is read
    // with the other dates, after the page's own <time> elements.
    private static readonly string[] PublishedKeys =
    [
        "article:published_time", "og:article:published_time", "article:published", "article:published_date", "article_published_time",
        "og:published_time", "published_time", "datepublished", "dcterms.issued", "dcterms.created", "dcterms.available", "dcterms.date",
        "dc.date.issued", "dc.date.created", "dc.date", "dc:date", "date.created", "date.available", "weibo:article:create_at",
        "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime", "cxenseparse:publishtime", "bt:pubdate",
        "citation_publication_date", "citation_date", "prism.publicationdate", "publication_date", "publish-date", "publish_date",
        "publishdate", "published_at", "pubdate", "pub_date", "datecreated", "release_date", "og:release_date", "uploaddate",
    ];

    private static readonly string[] UpdatedKeys =
    [
        "article:modified_time", "og:article:modified_time", "article:modified", "article:modified_date", "article:updated_time",
        "article_modified_time", "og:updated_time", "datemodified", "dcterms.modified", "dc.date.modified", "date.modified",
        "date.updated", "bt:moddate", "cxenseparse:modified_time", "last_updated_date", "last-updated", "last-modified", "last_modified",
    ];

    public static void Read(PageIndex index, MetadataFields fields)
    {
        var meta = Collect(index);
        const ExtractionMethod method = ExtractionMethod.Meta;
        Offer(fields, meta, FieldNames.Title, method, "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title", "sailthru.title");
        foreach (var key in (ReadOnlySpan<string>)["dc:creator", "dcterm:creator", "author", "parsely-author", "sailthru.author", "article:author_name", "og:article:author"])
        {
            // "금융신문 | 네이버": a press and the portal showing it, a label of the page rather than its writer; the byline decides.
            if (meta.TryGetValue(key, out var author) && !author.Contains('|', StringComparison.Ordinal))
            {
                fields.Offer(FieldNames.Author, author, method);
                if (fields[FieldNames.Author] is not null)
                {
                    break;
                }
            }
        }

        if (meta.TryGetValue("article:author", out var articleAuthor) && !LooksLikeUrl(articleAuthor))
        {
            fields.Offer(FieldNames.Author, articleAuthor, method);
        }

        Offer(fields, meta, FieldNames.Summary, method, "dc:description", "dcterm:description", "og:description", "weibo:article:description", "weibo:webpage:description", "description", "twitter:description", "sailthru.description");
        OfferAll(fields, meta, FieldNames.Published, method, PublishedKeys);
        OfferAll(fields, meta, FieldNames.Updated, method, UpdatedKeys);
        Offer(fields, meta, FieldNames.Category, method, "article:section", "parsely-section", "sailthru.section", "section", "category");
        Offer(fields, meta, FieldNames.LeadImage, method, "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "parsely-image-url", "sailthru.image.full");
        Offer(fields, meta, FieldNames.SiteName, method, "og:site_name", "application-name", "twitter:site");
        Offer(fields, meta, FieldNames.Language, method, "content-language", "dc.language", "og:locale");

        var declared = meta.TryGetValue("og:type", out var type) && type.Trim().Equals("article", StringComparison.OrdinalIgnoreCase);
        fields.DeclaresArticle |= declared;

        // A dated video page is a feed item too, though its text is too short to find.
        fields.DeclaresArticleType |= declared || (type?.Trim().StartsWith("video", StringComparison.OrdinalIgnoreCase) ?? false);
        fields.Offer(FieldNames.LeadImage, index.ImageSrcHref, method);
        fields.Offer(FieldNames.Canonical, index.CanonicalHref ?? meta.GetValueOrDefault("og:url"), method);
    }

    /// <summary>Every date-valued meta tag whose name says published or updated but that no list above names (vendor prefixes vary).</summary>
    /// <remarks>Read after the page's microdata: such tags are often a CMS's internal dates (first draft, replication).</remarks>
    public static void ReadOtherDates(PageIndex index, MetadataFields fields)
    {
        var meta = Collect(index);

        // A bare "date" is often the day the page was generated or last touched, not the day the story went out.
        fields.Offer(FieldNames.Published, meta.GetValueOrDefault("date"), ExtractionMethod.Meta);
        foreach (var (key, value) in meta)
        {
            if (OtherDateKind(key) is { } field && DateTextCheck.HasDate(value))
            {
                fields.Offer(field, value, ExtractionMethod.Meta);
            }
        }
    }

    private static string? OtherDateKind(string key)
    {
        if (key.Contains("expir", StringComparison.OrdinalIgnoreCase) || key.Contains("publisher", StringComparison.OrdinalIgnoreCase)
            || key.Contains("build", StringComparison.OrdinalIgnoreCase) || key.Contains("render", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (key.Contains("modif", StringComparison.OrdinalIgnoreCase) || key.Contains("updat", StringComparison.OrdinalIgnoreCase)
            || key.Contains("moddate", StringComparison.OrdinalIgnoreCase))
        {
            return FieldNames.Updated;
        }

        return key.Contains("publi", StringComparison.OrdinalIgnoreCase) || key.Contains("pubdate", StringComparison.OrdinalIgnoreCase)
            || key.Contains("pub_date", StringComparison.OrdinalIgnoreCase) || key.Contains("created", StringComparison.OrdinalIgnoreCase)
            || key.Contains("issued", StringComparison.OrdinalIgnoreCase) || key.Contains("release", StringComparison.OrdinalIgnoreCase)
            ? FieldNames.Published
            : null;
    }

    /// <summary>Offers every present key in order (dates are kept as a list of candidates, see <see cref="MetadataFields"/>).</summary>
    private static void OfferAll(MetadataFields fields, Dictionary<string, string> meta, string field, ExtractionMethod method, string[] keys)
    {
        foreach (var key in keys)
        {
            if (meta.TryGetValue(key, out var value))
            {
                fields.Offer(field, value, method);
            }
        }
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
