using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Parsing.Content;
using NewsFeedWorker.Parsing.Dates;
using NewsFeedWorker.Parsing.Furniture;
using GenericExtractor = NewsFeedWorker.Parsing.Generic.GenericExtractor;
using NewsFeedWorker.Parsing.Links;
using NewsFeedWorker.Parsing.Teasers;
using NewsFeedWorker.Parsing.Weather;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Parsing;

/// <summary>
/// Turns one fetched page into articles, weather and links. Pure: no I/O, no logging. Whatever a page holds, the result
/// is a value: a page whose parse throws or runs past <see cref="ParsingOptions.MaxPageTime"/> comes back with
/// <see cref="PageParseResult.Failure"/> set, so that one hostile page costs one page, never the rest of its source's cycle.
/// </summary>
public sealed class PageParser(GenericExtractor generic, IOptions<ParsingOptions> options)
{
    public PageParser()
        : this(new GenericExtractor())
    {
    }

    public PageParser(GenericExtractor generic)
        : this(generic, Options.Create(new ParsingOptions()))
    {
    }

    // Each source's pattern is built once, not on every page.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    /// <summary>Deeper markup is tag soup, not an article, and would strain every tree walk that recurses.</summary>
    public const int MaxDepth = 400;

    /// <param name="body">The page bytes as received.</param>
    /// <param name="encoding">The charset the fetch stage detected.</param>
    /// <param name="url">The final URL after redirects (base for relative links).</param>
    /// <param name="source">The source's settings; selectors null means generic mode.</param>
    /// <param name="fetchedAt">When the page was fetched (resolves relative dates such as <c>3시간 전</c>).</param>
    public PageParseResult Parse(ReadOnlyMemory<byte> body, Encoding encoding, Uri url, SourceDefinition source, DateTimeOffset fetchedAt) =>
        Parse(body, encoding, url, source, fetchedAt, CancellationToken.None);

    /// <param name="cancellationToken">Stops the parse (shutdown); the page's own time budget is added to it here.</param>
    public PageParseResult Parse(ReadOnlyMemory<byte> body, Encoding encoding, Uri url, SourceDefinition source, DateTimeOffset fetchedAt, CancellationToken cancellationToken) =>
        Parse(body, encoding, url, source, fetchedAt, FurnitureMemory.Empty, cancellationToken);

    /// <param name="furniture">What the source's earlier pages showed to be its furniture: those blocks stay out of the body.</param>
    public PageParseResult Parse(ReadOnlyMemory<byte> body, Encoding encoding, Uri url, SourceDefinition source, DateTimeOffset fetchedAt, FurnitureMemory furniture, CancellationToken cancellationToken)
    {
        var budget = new PageBudget(options.Value.MaxPageTime, cancellationToken);
        try
        {
            return FieldLimits.Apply(ParseWithin(body, encoding, url, source, fetchedAt, furniture, budget));
        }
        catch (PageTooComplexException)
        {
            return Failed(url, $"too complex: parsing took more than {budget.Limit.TotalSeconds:0.###} s of CPU (Parsing:MaxPageTime)");
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // Deliberately broad: a page is data from anywhere, and no parser bug it triggers may stop the pages after it.
            // The failure is a value the cycle logs once with the source and URL and counts as a failed page.
            return Failed(url, $"parse failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private PageParseResult ParseWithin(ReadOnlyMemory<byte> body, Encoding encoding, Uri url, SourceDefinition source, DateTimeOffset fetchedAt, FurnitureMemory furnitureMemory, PageBudget budget)
    {
        if (body.IsEmpty)
        {
            return NoArticle(url, "no article: the body is empty");
        }

        if (HtmlLoader.LooksBinary(body.Span, encoding))
        {
            return NoArticle(url, "no article: the body is binary, not HTML");
        }

        var html = HtmlLoader.Decode(body.Span, encoding);
        if (MarkupGuard.Check(html) is { } tooComplex)
        {
            return Failed(url, tooComplex);
        }

        budget.Check();
        var document = HtmlLoader.Parse(html);
        budget.Check();
        var baseUri = UrlResolver.BaseOf(document, url);
        var scan = PageIndex.Of(document, baseUri);
        if (scan.MaxDepth > MaxDepth)
        {
            return NoArticle(url, $"no article: markup nested deeper than {MaxDepth} levels");
        }

        var errors = new List<string>();
        var zone = KoreanDateParser.FindZone(source.TimeZone);
        var pattern = UrlPattern(source, errors);
        var furniture = new List<IElement>();

        // The budget is checked between stages: each stage is linear in the page, which the guard above keeps bounded.
        budget.Check();
        var weather = WeatherExtractor.Extract(document, scan, source.Weather, zone, fetchedAt, errors, furniture);
        budget.Check();
        var teasers = TeaserExtractor.Extract(document, scan, source.Selectors?.TeaserBlock, url, pattern, errors, furniture);
        budget.Check();
        var (links, linkSelectorMissed) = ArticleLinkFinder.Find(document, scan, source, url, pattern, errors);
        var next = PaginationFinder.Find(document, scan, source.ArticleLinks.NextPage, url, baseUri, errors);
        budget.Check();

        // Marked, not removed: the widgets stay readable for generic extraction, but a copy of the body drops them.
        foreach (var element in furniture)
        {
            element.SetAttribute(BodyCleaner.FurnitureMark, "");
        }

        var extractor = new ArticleExtractor(generic, document, scan, url, baseUri, source, zone, fetchedAt, errors, ArticleUrlShape.Matches(url, pattern), furnitureMemory);
        var (article, reason) = HtmlLoader.LooksTruncated(html)
            ? (null, "no article: the page is truncated (it ends before </body>)")
            : extractor.Extract();
        return new PageParseResult
        {
            Url = url,
            Article = article,
            NoArticleReason = reason,
            Weather = weather,
            Teasers = teasers,
            ArticleLinks = links,
            LinkSelectorMissed = linkSelectorMissed,
            NextPage = next,
            BodyBlocks = article is null ? [] : extractor.BodyBlocks,
            Errors = errors,
        };
    }

    private static Regex? UrlPattern(SourceDefinition source, List<string> errors)
    {
        if (source.ArticleLinks.UrlPattern is not { } pattern)
        {
            return null;
        }

        var compiled = Patterns.Count < 1024 ? Patterns.GetOrAdd(pattern, UrlPatternRegex.Compile) : UrlPatternRegex.Compile(pattern);
        if (compiled is null)
        {
            errors.Add($"articleLinks.urlPattern: '{pattern}' is not a valid regular expression; used article URL shapes");
        }

        return compiled;
    }

    private static PageParseResult NoArticle(Uri url, string reason) => new() { Url = url, NoArticleReason = reason };

    private static PageParseResult Failed(Uri url, string reason) => new() { Url = url, NoArticleReason = reason, Failure = reason };
}
