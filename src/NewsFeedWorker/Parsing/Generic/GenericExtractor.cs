using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Finds an article in a page nobody wrote selectors for: JSON-LD, meta, hydration data, then content scoring.</summary>
/// <remarks>Pure and thread-safe; the document passed in is not modified (pruning only marks nodes; the chosen content is copied).</remarks>
public sealed class GenericExtractor
{
    /// <summary>Below this many characters, a body found by scoring is thin enough to prefer hydration data.</summary>
    private const int ThinBody = 250;

    /// <summary>Below this, hydration data is still consulted: apps often render only a lead paragraph server-side.</summary>
    private const int ShortBody = 1000;

    /// <summary>Characters (white space left out) of a lead's opening that, found in the body, show the body already tells it.</summary>
    private const int LeadOpening = 30;

    public GenericExtraction Extract(IHtmlDocument document, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(pageUrl);
        return Extract(document, pageUrl, PageIndex.Of(document, pageUrl));
    }

    /// <summary>The same, over the page's index built by the caller's own walk (the document must not have changed since).</summary>
    internal GenericExtraction Extract(IHtmlDocument document, Uri pageUrl, PageIndex index)
    {
        var fields = ReadMetadata(document, index);
        IElement? content = null;
        var contentLength = 0;
        string? byline = null;
        if (document.Body is { } body && ReaderableCheck.IsProbablyArticle(index, fields.DeclaresArticle))
        {
            (content, contentLength, byline) = ContentExtractor.Extract(body, fields[FieldNames.Title]);
        }

        if (content is not null)
        {
            fields.Methods[FieldNames.Body] = ExtractionMethod.Heuristic;
        }

        var hydrated = contentLength < ShortBody ? HydrationReader.Read(index) : null;
        fields.DeclaresArticleType |= hydrated is not null;
        if (hydrated is not null
            && BodyBuilder.FromHtml(document, hydrated.BodyHtml) is var hydratedContent
            && (contentLength < ThinBody || TextMeasure.CollapsedLength(hydratedContent.TextContent) > 2 * contentLength))
        {
            content = hydratedContent;
            fields.Methods[FieldNames.Body] = ExtractionMethod.Script;
            if (fields.Methods.TryGetValue(FieldNames.Title, out var titleMethod) && titleMethod == ExtractionMethod.Heuristic)
            {
                // Only the document <title> named the page, often just the site's name on a client-rendered page.
                fields.Replace(FieldNames.Title, hydrated.Title, ExtractionMethod.Script);
            }

            fields.Offer(FieldNames.Title, hydrated.Title, ExtractionMethod.Script);
            fields.Offer(FieldNames.Subtitle, hydrated.Subtitle, ExtractionMethod.Script);
            fields.Offer(FieldNames.Author, hydrated.Author, ExtractionMethod.Script);
            fields.Offer(FieldNames.Published, hydrated.PublishedText, ExtractionMethod.Script);
        }
        else if (fields.BodyText is { Length: >= ThinBody } articleBody && contentLength < ShortBody
            && (content is null || TextMeasure.CollapsedLength(articleBody) > 2 * contentLength))
        {
            // JSON-LD articleBody: plain text, so only when the page itself shows much less (teaser, paywall).
            content = BodyBuilder.FromText(document, articleBody);
            fields.Methods[FieldNames.Body] = fields.BodyMethod ?? ExtractionMethod.JsonLd;
        }

        if (content is null && (fields.DeclaresArticle || fields.BodyText is not null)
            && BaselineBody.Build(document, index, fields.BodyText ?? fields[FieldNames.Summary]) is { } baseline)
        {
            // The page says it is an article but scoring found no body: its paragraphs (or its own summary) stand in.
            content = baseline;
            fields.Methods[FieldNames.Body] = ExtractionMethod.Heuristic;
        }

        // Hydration data states the date even when its body is not used.
        fields.Offer(FieldNames.Published, hydrated?.PublishedText, ExtractionMethod.Script);
        fields.Offer(FieldNames.Author, TextDateFinder.WithoutDates(byline), ExtractionMethod.Heuristic);
        fields.Offer(FieldNames.Category, SectionFinder.Find(index), ExtractionMethod.Heuristic);
        var header = content is null ? null : ArticleHeader.Find(document, content, fields[FieldNames.Summary]);
        var headlineReplacedTitle = false;
        if (header is not null)
        {
            if (header.Replaces(fields[FieldNames.Title], document, fields[FieldNames.SiteName]))
            {
                fields.Replace(FieldNames.Title, header.Headline!, ExtractionMethod.Heuristic);
                headlineReplacedTitle = true;
            }

            fields.Offer(FieldNames.Category, header.Category, ExtractionMethod.Heuristic);
            fields.Offer(FieldNames.Author, header.Reporter, ExtractionMethod.Heuristic);
        }

        if (content is not null)
        {
            // The sign-off closing the story, before the body cleaner drops it as a contact line.
            fields.Offer(FieldNames.Author, ReporterLine.Find(content), ExtractionMethod.Heuristic);
        }

        PageDateFinder.Offer(document, index, fields, pageUrl);

        if (fields[FieldNames.Subtitle] is null && content is not null)
        {
            fields.Offer(FieldNames.Subtitle, SubtitleFinder.Find(index, fields[FieldNames.Title]), ExtractionMethod.Heuristic);
        }

        if (header is not null && header.Headline == fields[FieldNames.Title])
        {
            fields.Offer(FieldNames.Subtitle, header.Subtitle, ExtractionMethod.Heuristic);
        }

        if (content is not null)
        {
            header?.RemoveFrom(content, all: headlineReplacedTitle);
            LeadingFurniture.Remove(content, fields[FieldNames.Title], fields[FieldNames.Subtitle]);
            BoilerplateTail.Remove(content);
            TrailingHeadings.Remove(content);
            if (header?.Lead is { } lead)
            {
                PrependLead(document, content, lead);
                if (fields[FieldNames.Subtitle] == lead)
                {
                    // Now the body's first paragraph: a subtitle too would show it twice.
                    fields.Withdraw(FieldNames.Subtitle);
                }
            }

            fields.Offer(FieldNames.Summary, FirstParagraph(content), ExtractionMethod.Heuristic);
        }

        return Result(index, fields, pageUrl, content);
    }

    /// <summary>
    /// The page's metadata only (JSON-LD, meta tags, <c>&lt;time&gt;</c>, labelled date text, section, subtitle), without
    /// content scoring: what a configured source needs for the fields its selectors miss, at a fraction of the cost.
    /// </summary>
    public GenericExtraction ExtractMetadata(IHtmlDocument document, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(pageUrl);
        return ExtractMetadata(document, pageUrl, PageIndex.Of(document, pageUrl));
    }

    internal GenericExtraction ExtractMetadata(IHtmlDocument document, Uri pageUrl, PageIndex index)
    {
        var fields = ReadMetadata(document, index);
        fields.Offer(FieldNames.Category, SectionFinder.Find(index), ExtractionMethod.Heuristic);
        PageDateFinder.Offer(document, index, fields, pageUrl);

        fields.Offer(FieldNames.Subtitle, SubtitleFinder.Find(index, fields[FieldNames.Title]), ExtractionMethod.Heuristic);
        return Result(index, fields, pageUrl, content: null);
    }

    private static MetadataFields ReadMetadata(IHtmlDocument document, PageIndex index)
    {
        var fields = new MetadataFields();
        var documentTitle = TitleCleaner.FromDocument(document, index);
        JsonLdReader.Read(index, fields, documentTitle);
        MetaTagReader.Read(index, fields);
        TimeElementReader.Read(index, fields);
        MetaTagReader.ReadOtherDates(index, fields);
        if (fields[FieldNames.Title] is { } declared && TitleCleaner.WithoutSiteName(declared, fields[FieldNames.SiteName]) is { } story)
        {
            fields.Replace(FieldNames.Title, story, fields.Methods[FieldNames.Title]);
        }

        fields.Offer(FieldNames.Title, documentTitle, ExtractionMethod.Heuristic);
        fields.Offer(FieldNames.Language, document.DocumentElement.GetAttribute("lang"), ExtractionMethod.Heuristic);
        return fields;
    }

    private static GenericExtraction Result(PageIndex index, MetadataFields fields, Uri pageUrl, IElement? content)
    {
        var baseUrl = BaseUrl(index.BaseHref, pageUrl);
        var leadImage = Resolve(baseUrl, fields[FieldNames.LeadImage]);
        if (leadImage is null)
        {
            fields.Methods.Remove(FieldNames.LeadImage);
        }

        var methods = new Dictionary<string, ExtractionMethod>(fields.Methods.Count, StringComparer.Ordinal);
        foreach (var (key, method) in fields.Methods)
        {
            if (key is not (FieldNames.SiteName or FieldNames.Canonical))
            {
                methods[key] = method;
            }
        }

        return new GenericExtraction
        {
            Title = fields[FieldNames.Title],
            Subtitle = fields[FieldNames.Subtitle],
            Byline = fields[FieldNames.Author],
            PublishedText = fields[FieldNames.Published],
            ModifiedText = fields[FieldNames.Updated],
            PublishedDates = fields.PublishedDates,
            ModifiedDates = fields.UpdatedDates,
            DeclaresArticleType = fields.DeclaresArticleType,
            Section = fields[FieldNames.Category],
            Excerpt = fields[FieldNames.Summary],
            SiteName = fields[FieldNames.SiteName],
            Language = fields[FieldNames.Language],
            Canonical = Resolve(baseUrl, fields[FieldNames.Canonical]),
            LeadImage = leadImage,
            Content = content,
            DeclaredText = content is not null && fields.Methods.GetValueOrDefault(FieldNames.Body) == ExtractionMethod.Heuristic ? fields.BodyText : null,
            DeclaresArticle = fields.DeclaresArticle,
            Methods = methods,
        };
    }

    private static Uri BaseUrl(string? href, Uri pageUrl)
    {
        return href is not null && Uri.TryCreate(pageUrl, href, out var resolved) ? resolved : pageUrl;
    }

    private static Uri? Resolve(Uri baseUrl, string? value)
        => value is not null && Uri.TryCreate(baseUrl, value, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    /// <summary>The standfirst above the chosen container opens the body, unless the body already holds it.</summary>
    private static void PrependLead(IDocument document, IElement content, string lead)
    {
        // Compared without white space: the body's copy of it may be split by links or line breaks. A description that
        // restates the first paragraph in other words (its opening is in the body) is no standfirst either.
        var body = WithoutSpace(content.TextContent);
        var own = WithoutSpace(lead);
        if (body.Contains(own[..Math.Min(own.Length, LeadOpening)], StringComparison.Ordinal))
        {
            return;
        }

        var paragraph = document.CreateElement("p");
        paragraph.TextContent = lead;
        content.InsertBefore(paragraph, content.FirstChild);
    }

    private static string WithoutSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

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

        // No <p>: a body of text runs separated by <br> (common on Korean CMSs).
        return ContentText.ToPlainText(content).Split("\n\n").FirstOrDefault(p => p.Length >= 40);
    }
}
