using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Finds an article in a page nobody wrote selectors for: JSON-LD, meta, hydration data, then content scoring.</summary>
/// <remarks>Pure and thread-safe; the document passed in is not modified (scoring works on a copy of its body).</remarks>
public sealed class GenericExtractor
{
    /// <summary>Below this many characters, a body found by scoring is thin enough to prefer hydration data.</summary>
    private const int ThinBody = 250;

    public GenericExtraction Extract(IHtmlDocument document, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(pageUrl);

        var fields = new MetadataFields();
        var documentTitle = TitleCleaner.FromDocument(document);
        JsonLdReader.Read(document, fields, documentTitle);
        MetaTagReader.Read(document, fields);
        TimeElementReader.Read(document, fields);
        fields.Offer(FieldNames.Title, documentTitle, ExtractionMethod.Heuristic);

        fields.Offer(FieldNames.Language, document.DocumentElement.GetAttribute("lang"), ExtractionMethod.Heuristic);

        IElement? content = null;
        var contentLength = 0;
        string? byline = null;
        if (document.Body is { } body && ReaderableCheck.IsProbablyArticle(document))
        {
            (content, contentLength, byline) = ContentExtractor.Extract(body, fields[FieldNames.Title]);
        }

        if (content is not null)
        {
            fields.Methods[FieldNames.Body] = ExtractionMethod.Heuristic;
        }

        if (contentLength < ThinBody && HydrationReader.Read(document) is { } hydrated)
        {
            content = BodyBuilder.FromHtml(document, hydrated.BodyHtml);
            fields.Methods[FieldNames.Body] = ExtractionMethod.Script;
            fields.Offer(FieldNames.Title, hydrated.Title, ExtractionMethod.Script);
            fields.Offer(FieldNames.Subtitle, hydrated.Subtitle, ExtractionMethod.Script);
            fields.Offer(FieldNames.Author, hydrated.Author, ExtractionMethod.Script);
            fields.Offer(FieldNames.Published, hydrated.PublishedText, ExtractionMethod.Script);
        }
        else if (content is null && fields.BodyText is { Length: >= ThinBody } articleBody)
        {
            content = BodyBuilder.FromText(document, articleBody);
            fields.Methods[FieldNames.Body] = fields.BodyMethod ?? ExtractionMethod.JsonLd;
        }

        fields.Offer(FieldNames.Author, byline, ExtractionMethod.Heuristic);
        if (fields[FieldNames.Subtitle] is null && content is not null)
        {
            fields.Offer(FieldNames.Subtitle, SubtitleFinder.Find(document, fields[FieldNames.Title]), ExtractionMethod.Heuristic);
        }

        if (content is not null)
        {
            fields.Offer(FieldNames.Summary, FirstParagraph(content), ExtractionMethod.Heuristic);
        }

        var baseUrl = BaseUrl(document, pageUrl);
        var leadImage = Resolve(baseUrl, fields[FieldNames.LeadImage]);
        if (leadImage is null)
        {
            fields.Methods.Remove(FieldNames.LeadImage);
        }

        return new GenericExtraction
        {
            Title = fields[FieldNames.Title],
            Subtitle = fields[FieldNames.Subtitle],
            Byline = fields[FieldNames.Author],
            PublishedText = fields[FieldNames.Published],
            ModifiedText = fields[FieldNames.Updated],
            Section = fields[FieldNames.Category],
            Excerpt = fields[FieldNames.Summary],
            SiteName = fields[FieldNames.SiteName],
            Language = fields[FieldNames.Language],
            Canonical = Resolve(baseUrl, fields[FieldNames.Canonical]),
            LeadImage = leadImage,
            Content = content,
            Methods = fields.Methods
                .Where(m => m.Key is not (FieldNames.SiteName or FieldNames.Canonical))
                .ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal),
        };
    }

    private static Uri BaseUrl(IDocument document, Uri pageUrl)
    {
        var href = document.QuerySelector("base[href]")?.GetAttribute("href");
        return href is not null && Uri.TryCreate(pageUrl, href, out var resolved) ? resolved : pageUrl;
    }

    private static Uri? Resolve(Uri baseUrl, string? value)
        => value is not null && Uri.TryCreate(baseUrl, value, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    private static string? FirstParagraph(IElement content)
    {
        foreach (var paragraph in content.QuerySelectorAll("p"))
        {
            var text = TextMeasure.Collapse(paragraph.TextContent);
            if (text.Length >= 40)
            {
                return text;
            }
        }

        return null;
    }
}
