using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using NewsFeedWorker.Parsing.Content;
using NewsFeedWorker.Parsing.Dates;
using NewsFeedWorker.Parsing.Furniture;
using NewsFeedWorker.Parsing.Generic;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Parsing;

/// <summary>Builds the article of one page: configured selectors per field, generic extraction for the rest.</summary>
internal sealed class ArticleExtractor(
    GenericExtractor genericExtractor, IHtmlDocument document, PageIndex index, Uri pageUrl, Uri baseUri, SourceDefinition source,
    TimeZoneInfo zone, DateTimeOffset fetchedAt, List<string> errors, bool looksLikeArticleUrl, FurnitureMemory furniture)
{
    private const int MinimumBodyText = 25;

    private readonly Dictionary<string, ExtractionMethod> methods = new(StringComparer.Ordinal);
    private GenericExtraction? generic;
    private bool bodyFromSelector;
    private bool declaredWithoutBody;

    /// <summary>
    /// The fallback for fields the selectors miss, computed on first use. When the body came from its selector, only the
    /// page's metadata is read (JSON-LD, meta, <c>&lt;time&gt;</c>, labelled dates): content scoring would cost more than
    /// the rest of the page's parse and its content is not used.
    /// </summary>
    private GenericExtraction Fallback => generic ??= bodyFromSelector
        ? genericExtractor.ExtractMetadata(document, pageUrl, index)
        : genericExtractor.Extract(document, pageUrl, index);

    private ArticleSelectors? Selectors => source.Selectors;

    /// <summary>The fingerprints of the extracted body's blocks (see <see cref="FurnitureFilter"/>), for the source's memory.</summary>
    public IReadOnlyList<ulong> BodyBlocks { get; private set; } = [];

    public (Article? Article, string? NoArticleReason) Extract()
    {
        // The body is copied before anything can run generic extraction over the document.
        var body = ConfiguredBody();
        bodyFromSelector = body is not null;
        if (body is null && Selectors?.Body is { } missed && !looksLikeArticleUrl)
        {
            // A list or section page of a configured site: no article expected, and generic mode would take the list for one.
            return (null, $"no article: body selector '{missed}' matched nothing on a page whose URL is not an article's");
        }

        body ??= GenericBody() ?? DeclaredArticleBody();
        if (body is null)
        {
            return (null, Selectors?.Body is { } bodySelector
                ? $"no article: body selector '{bodySelector}' matched nothing and generic extraction found no content"
                : "no article: generic extraction found no main content");
        }

        var title = Field("title", Selectors?.Title, e => TextNormalizer.Clean(e.TextContent), g => g.Title, "title")
            ?? TitleFromHead();

        if (title is not null)
        {
            BodyFacts.DropRepeatedTitle(body, title);
        }

        BodyBlocks = FurnitureFilter.Apply(body, furniture);
        var creditOrigin = BodyCleaner.Clean(body, baseUri, Selectors?.Remove ?? [], errors);
        if (!bodyFromSelector && Fallback.DeclaredText is { } declared)
        {
            DeclaredTextAgreement.Trim(body, PlainText.From(body), declared);
        }

        BodySanitizer.Sanitize(body, baseUri);
        var text = PlainText.From(body);
        if (text.Length < MinimumBodyText && SelectorQuery.First(body, "img", "", null) is null
            && !(text.Length > 0 && Fallback.DeclaresArticle) && !declaredWithoutBody && !DeclaresDatedArticle())
        {
            return (null, $"no article: body text too short ({text.Length} characters)");
        }

        if (title is null)
        {
            // Feed readers need a title: an untitled page with a real body is titled by its opening words.
            title = BodyFacts.OpeningWords(text);
            methods["title"] = ExtractionMethod.Heuristic;
        }

        if (Selectors?.Body is null && text.Length > 0 && BodyFacts.IsLinkList(body, text))
        {
            return (null, "no article: the main content is a list of links (a list page)");
        }

        var images = BodyFacts.Images(body);
        var article = new Article
        {
            Url = CanonicalUrl(),
            Title = title,
            Subtitle = Field("subtitle", Selectors?.Subtitle, e => TextNormalizer.Clean(e.TextContent), g => g.Subtitle, "subtitle"),
            Author = Field("author", Selectors?.Author, e => FieldText.Author(e.TextContent), g => FieldText.Author(g.Byline), "author", "byline"),
            Published = Date("published", Selectors?.Published, updated: false, g => g.PublishedDates),
            Updated = Date("updated", Selectors?.Updated, updated: true, g => g.ModifiedDates),
            Category = Field("category", Selectors?.Category, e => FieldText.Category(e.TextContent), g => FieldText.Category(g.Section), "category", "section"),
            Summary = Summary(text),
            BodyHtml = body.InnerHtml.Trim(),
            BodyText = text,
            LeadImage = LeadImage(images),
            Images = images,
            Origin = Origin(creditOrigin),
            Language = Language(),
            Methods = methods,
        };
        return (article, null);
    }

    private IElement? ConfiguredBody()
    {
        if (Selectors?.Body is not { } selector)
        {
            return null;
        }

        var matches = SelectorQuery.All(document, selector, "body", errors);
        if (matches.Count == 0)
        {
            if (looksLikeArticleUrl)
            {
                errors.Add($"body: selector '{selector}' matched nothing; used generic extraction");
            }

            return null;
        }

        methods["body"] = ExtractionMethod.Selector;
        if (matches.Count == 1)
        {
            return (IElement)matches[0].Clone(deep: true);
        }

        // Several matches (e.g. "div.article p"): their copies side by side, in page order.
        var wrapper = document.CreateElement("div");
        foreach (var match in matches)
        {
            if (!matches.Any(other => other != match && other.Contains(match)))
            {
                wrapper.AppendChild(match.Clone(deep: true));
            }
        }

        return wrapper;
    }

    private IElement? GenericBody()
    {
        if (Fallback.Content is not { } content)
        {
            return null;
        }

        // The extractor's content is already a detached copy of the page's part (or built from data), used by nothing
        // else here: cleaning it in place saves a second deep copy of the article.
        methods["body"] = GenericMethod("body", "content");
        return content;
    }

    /// <summary>
    /// An empty body for a page that names itself an article and dates it but shows no text we can find (a video, a
    /// gallery, a paywall): its title, date and author are still worth a feed entry.
    /// </summary>
    private IElement? DeclaredArticleBody()
    {
        if (!DeclaresDatedArticle())
        {
            return null;
        }

        methods["body"] = ExtractionMethod.Heuristic;
        declaredWithoutBody = true;
        return document.CreateElement("div");
    }

    /// <summary>
    /// The page names itself an article, titles and dates it: a feed entry even when the text found is empty (a video,
    /// a gallery, a body the cleaner took whole for furniture).
    /// </summary>
    private bool DeclaresDatedArticle()
        => Selectors?.Body is null && Fallback.DeclaresArticleType && Fallback.Title is not null
            && Fallback.PublishedDates.Any(date => KoreanDateParser.Parse(date.Text, zone, fetchedAt) is { } at && DatePlausibility.IsPlausible(at, fetchedAt));

    private string? Field(string field, string? selector, Func<IElement, string?> read, Func<GenericExtraction, string?>? fromGeneric, params string[] genericKeys)
    {
        if (selector is not null)
        {
            var element = SelectorQuery.First(document, selector, field, errors);
            if (element is not null && read(element) is { } value)
            {
                methods[field] = ExtractionMethod.Selector;
                return value;
            }

            errors.Add($"{field}: selector '{selector}' matched nothing; used generic extraction");
        }

        var found = fromGeneric?.Invoke(Fallback);
        if (found is not null)
        {
            methods[field] = GenericMethod(genericKeys);
        }

        return found;
    }

    private DateTimeOffset? Date(string field, string? selector, bool updated, Func<GenericExtraction, IReadOnlyList<DateText>> fromGeneric)
    {
        if (selector is not null)
        {
            var element = SelectorQuery.First(document, selector, field, errors);
            var raw = element is null ? null : element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.TextContent;
            var parsed = raw is null ? null : KoreanDateParser.Parse(FieldText.DatePart(raw, updated), zone, fetchedAt, source.DateFormats);
            if (parsed is { } configured && DatePlausibility.IsPlausible(configured, fetchedAt))
            {
                methods[field] = ExtractionMethod.Selector;
                return configured;
            }

            errors.Add(element is null
                ? $"{field}: selector '{selector}' matched nothing; used generic extraction"
                : parsed is null
                    ? $"{field}: no date in '{TextNormalizer.Clean(raw)}' (selector '{selector}'); used generic extraction"
                    : $"{field}: '{TextNormalizer.Clean(raw)}' (selector '{selector}') is before 1995 or after the fetch; used generic extraction");
        }

        // The first candidate that is a date and could be this page's: a placeholder (0000-00-00, 1970) or a date after
        // the fetch (an event, an expiry) gives way to the next reader's.
        var candidates = fromGeneric(Fallback);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (KoreanDateParser.Parse(candidates[i].Text, zone, fetchedAt, source.DateFormats) is { } found && DatePlausibility.IsPlausible(found, fetchedAt))
            {
                methods[field] = candidates[i].Method;
                return PublisherWallClock.Localize(found, candidates[i].Text, candidates.Skip(i + 1).Select(c => c.Text));
            }
        }

        return null;
    }

    private string? Summary(string bodyText)
    {
        var summary = Field("summary", Selectors?.Summary, e => TextNormalizer.Clean(e.GetAttribute("content") ?? e.TextContent), g => TextNormalizer.Clean(g.Excerpt), "summary", "excerpt");
        if (summary is not null)
        {
            return summary;
        }

        // The body's first paragraph, cut at a sentence end near 300 characters.
        var end = bodyText.IndexOf("\n\n", StringComparison.Ordinal);
        var first = end < 0 ? bodyText : bodyText[..end];
        if (first.Length > 300)
        {
            var stop = first.LastIndexOf(". ", 300, StringComparison.Ordinal);
            first = stop > 80 ? first[..(stop + 1)] : first[..300] + "…";
        }

        methods["summary"] = ExtractionMethod.Heuristic;
        return first;
    }

    private string? Origin(string? fromBody)
    {
        var origin = Field("origin", Selectors?.Credit, e => TextNormalizer.Clean(e.TextContent) is { } line ? Boilerplate.CreditOrigin(line) ?? line.Trim('[', ']', ' ') : null, fromGeneric: null);
        if (origin is not null)
        {
            return origin;
        }

        if (fromBody is not null)
        {
            methods["origin"] = ExtractionMethod.Heuristic;
        }

        return fromBody;
    }

    private Uri CanonicalUrl()
    {
        var canonical = UrlResolver.Resolve(baseUri, (document.Head is { } canonicalHead ? SelectorQuery.First(canonicalHead, "link[rel~=canonical][href]", "", null) : null)?.GetAttribute("href"));
        if (canonical is not null && UrlResolver.SameSite(canonical, pageUrl))
        {
            methods["url"] = ExtractionMethod.Meta;
            return canonical;
        }

        if (Selectors is null && Fallback.Canonical is { } found && UrlResolver.SameSite(found, pageUrl))
        {
            methods["url"] = GenericMethod("url", "canonical");
            return found;
        }

        methods["url"] = ExtractionMethod.Heuristic;
        return pageUrl;
    }

    private Uri? LeadImage(List<Uri> bodyImages)
    {
        if (Selectors?.LeadImage is { } selector)
        {
            var element = SelectorQuery.First(document, selector, "leadImage", errors);
            var raw = element?.GetAttribute("content") ?? element?.GetAttribute("data-src") ?? element?.GetAttribute("src")
                ?? element?.QuerySelector("img")?.GetAttribute("src");
            if (UrlResolver.Resolve(baseUri, raw) is { } configured)
            {
                methods["leadImage"] = ExtractionMethod.Selector;
                return configured;
            }

            errors.Add($"leadImage: selector '{selector}' matched nothing; used generic extraction");
        }

        var meta = UrlResolver.Resolve(baseUri, (document.Head is { } imageHead ? SelectorQuery.First(imageHead, "meta[property='og:image'][content], meta[name='twitter:image'][content]", "", null) : null)?.GetAttribute("content"));
        if (meta is not null)
        {
            methods["leadImage"] = ExtractionMethod.Meta;
            return meta;
        }

        if (Selectors is null && Fallback.LeadImage is { } found)
        {
            methods["leadImage"] = GenericMethod("leadImage", "image");
            return found;
        }

        if (bodyImages.Count > 0)
        {
            methods["leadImage"] = ExtractionMethod.Heuristic;
            return bodyImages[0];
        }

        return null;
    }

    private string? Language()
    {
        if (TextNormalizer.Clean(document.DocumentElement?.GetAttribute("lang")) is { } lang)
        {
            methods["language"] = ExtractionMethod.Meta;
            return lang;
        }

        if (Selectors is null && Fallback.Language is { } found)
        {
            methods["language"] = GenericMethod("language");
            return found;
        }

        if (source.Language is not null)
        {
            methods["language"] = ExtractionMethod.Heuristic;
        }

        return source.Language;
    }

    private string? TitleFromHead()
    {
        var title = TextNormalizer.Clean((document.Head is { } titleHead ? SelectorQuery.First(titleHead, "meta[property='og:title']", "", null) : null)?.GetAttribute("content"))
            ?? TextNormalizer.Clean(document.Title);
        if (title is not null)
        {
            methods["title"] = ExtractionMethod.Meta;
        }

        return title;
    }

    private ExtractionMethod GenericMethod(params string[] keys)
    {
        foreach (var key in keys)
        {
            if (Fallback.Methods.TryGetValue(key, out var method))
            {
                return method;
            }
        }

        return ExtractionMethod.Heuristic;
    }
}
