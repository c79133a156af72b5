using System.Buffers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using NewsFeedWorker.Parsing.Generic;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>
/// What one walk over the page collects for every extractor (metadata readers, the article test, weather, teasers,
/// links), so none of them has to walk or query the whole tree again.
/// </summary>
internal sealed partial class PageIndex
{
    private static readonly SearchValues<string> SubtitleNames = SearchValues.Create(
        ["subtitle", "sub-title", "sub_title", "subheading", "subhead", "standfirst", "article-dek"],
        StringComparison.OrdinalIgnoreCase);

    private readonly Uri baseUri;

    // Keyed by the raw href: a page links the same URL many times, and a string key hashes cheaper than a node. Made at
    // the first lookup, when the anchors are known, at their count: the link finders ask for most of them.
    private Dictionary<string, Uri?>? resolved;

    private PageIndex(Uri baseUri) => this.baseUri = baseUri;

    /// <summary>The depth of the deepest node, counted from the document (the root element is 1).</summary>
    public int MaxDepth { get; private set; }

    public List<IElement> Metas { get; } = [];
    public List<IElement> LdJsonScripts { get; } = [];
    public List<IElement> Scripts { get; } = [];
    public List<IElement> Headings { get; } = [];
    public List<IElement> SubtitleCandidates { get; } = [];
    public List<IElement> SectionLabels { get; } = [];
    public IElement? Breadcrumb { get; private set; }

    /// <summary>Paragraph-like nodes the article test looks at: p, pre, article, and divs holding br.</summary>
    public List<IElement> ProseNodes { get; } = [];

    /// <summary>Elements that may state a date in markup: <c>time</c>, <c>itemprop</c> date names, <c>abbr[title]</c>.</summary>
    public List<IElement> DateMarkup { get; } = [];

    public string? CanonicalHref { get; private set; }
    public string? ImageSrcHref { get; private set; }
    public string? BaseHref { get; private set; }
    public IElement? DatePublishedItem { get; private set; }
    public IElement? TimeInArticle { get; private set; }
    public IElement? PubdateTime { get; private set; }
    public IElement? AnyTime { get; private set; }

    /// <summary>The first <c>link</c> or <c>a</c> anywhere with an href and <c>rel=next</c>.</summary>
    public IElement? FirstRelNext { get; private set; }

    /// <summary>Text nodes of the body holding a temperature sign (℃, °C, or a number and 도): the raw material of weather widgets.</summary>
    public List<IText> TemperatureTexts { get; } = [];

    /// <summary>The first date-with-weekday text of the body (<c>2025.11.08 (토)</c>): the page's date header.</summary>
    public string? HeaderDate { get; private set; }

    /// <summary>The first day-with-weekday text of the body written without a year (<c>11.08 (토)</c>, <c>11월 8일 토요일</c>).</summary>
    public string? YearlessHeaderDate { get; private set; }

    /// <summary>Anchors reading <c>더보기</c> (or "more"), which mark section teaser blocks.</summary>
    public List<IElement> MoreLinks { get; } = [];

    /// <summary>Whether the body holds <c>&lt;link&gt;</c> elements (they belong in the head; the pagination finder looks there).</summary>
    public bool HasBodyLinks { get; private set; }

    /// <summary>Every anchor of the body with an href, in page order.</summary>
    public List<IHtmlAnchorElement> Anchors { get; } = [];

    /// <summary>An anchor's href, absolute and without fragment; resolved once per anchor, however many extractors ask.</summary>
    public Uri? UrlOf(IElement anchor)
    {
        var href = anchor.GetAttribute("href");
        if (href is null)
        {
            return null;
        }

        resolved ??= new Dictionary<string, Uri?>(Anchors.Count, StringComparer.Ordinal);
        if (!resolved.TryGetValue(href, out var url))
        {
            url = UrlResolver.Resolve(baseUri, href);
            url = url is null ? null : UrlResolver.WithoutFragment(url);
            resolved[href] = url;
        }

        return url;
    }

    /// <param name="baseUri">What the anchors' hrefs are resolved against.</param>
    public static PageIndex Of(IDocument document, Uri baseUri)
    {
        var index = new PageIndex(baseUri);
        var root = document.DocumentElement;
        if (root is null)
        {
            return index;
        }

        var body = document.Body;

        // The body's visible nodes are the weather, teaser and link material: below these depths, outside script and the like.
        var bodyDepth = body is null ? 0 : int.MaxValue;
        var quietDepth = int.MaxValue;
        IElement? lastBrParent = null;
        var walk = new DomWalk(root);
        while (walk.MoveNext())
        {
            var depth = walk.Depth;
            index.MaxDepth = Math.Max(index.MaxDepth, depth + 1);
            if (depth <= quietDepth)
            {
                quietDepth = int.MaxValue;
            }

            if (depth <= bodyDepth && body is not null)
            {
                bodyDepth = int.MaxValue;
            }

            var inBody = depth > bodyDepth && depth <= quietDepth;
            if (walk.Current is IElement element)
            {
                index.Inspect(element, ref lastBrParent);
                if (element == body)
                {
                    bodyDepth = depth;
                }
                else if (inBody)
                {
                    if (element.LocalName is "script" or "style" or "noscript" or "template")
                    {
                        quietDepth = depth;
                    }
                    else
                    {
                        index.InspectInBody(element);
                    }
                }
            }
            else if (inBody && walk.Current is IText text)
            {
                index.InspectInBody(text);
            }
        }

        return index;
    }

    private void Inspect(IElement node, ref IElement? lastBrParent)
    {
        switch (node.LocalName)
        {
            case "meta":
                Metas.Add(node);
                break;
            case "script":
                Scripts.Add(node);
                if (node.GetAttribute("type")?.Contains("ld+json", StringComparison.OrdinalIgnoreCase) == true)
                {
                    LdJsonScripts.Add(node);
                }

                break;
            case "link":
                var rel = node.GetAttribute("rel");
                if (rel is not null)
                {
                    if (CanonicalHref is null && HasToken(rel, "canonical"))
                    {
                        CanonicalHref = node.GetAttribute("href");
                    }
                    else if (ImageSrcHref is null && HasToken(rel, "image_src"))
                    {
                        ImageSrcHref = node.GetAttribute("href");
                    }

                    if (FirstRelNext is null && IsRelNext(node))
                    {
                        FirstRelNext = node;
                    }
                }

                break;
            case "base":
                BaseHref ??= node.GetAttribute("href");
                break;
            case "a" when FirstRelNext is null && IsRelNext(node):
                FirstRelNext = node;
                break;
            case "time" when node.HasAttribute("datetime"):
                AnyTime ??= node;
                if (node.HasAttribute("pubdate"))
                {
                    PubdateTime ??= node;
                }

                if (TimeInArticle is null && DomWalk.HasAncestor(node, "article"))
                {
                    TimeInArticle = node;
                }

                break;
            case "p" or "pre" or "article":
                ProseNodes.Add(node);
                break;
            // Text runs split by <br>: in a div, and on table-layout pages in a cell or the <font> inside it.
            case "br" when node.ParentElement is { LocalName: "div" or "td" or "font" } parent && parent != lastBrParent:
                lastBrParent = parent;
                ProseNodes.Add(parent);
                break;
            case "div" when HoldsOnlyText(node):
                // A paragraph written as a div of its own (Readability turns such divs into p before scoring).
                ProseNodes.Add(node);
                break;
            case "h1" or "h2" or "h3":
                Headings.Add(node);
                break;
        }

        var itemprop = node.GetAttribute("itemprop");
        if (node.LocalName == "time" || (node.LocalName == "abbr" && node.HasAttribute("title")) || (itemprop is not null && NamesDate(itemprop)))
        {
            DateMarkup.Add(node);
        }

        if (DatePublishedItem is null && itemprop is not null)
        {
            if (HasToken(itemprop, "datePublished"))
            {
                DatePublishedItem = node;
            }
            else if (HasToken(itemprop, "alternativeHeadline"))
            {
                SubtitleCandidates.Add(node);
            }
        }

        // Class and id are tested apart rather than joined: no name searched for holds a space, and most elements have one or none.
        var className = node.ClassName.AsSpan();
        var id = node.Id.AsSpan();
        if (className.IsEmpty && id.IsEmpty)
        {
            return;
        }

        if (className.IndexOfAny(SubtitleNames) >= 0 || id.IndexOfAny(SubtitleNames) >= 0)
        {
            SubtitleCandidates.Add(node);
        }

        if (SectionFinder.IsSectionLabel(className) || SectionFinder.IsSectionLabel(id))
        {
            SectionLabels.Add(node);
        }
        else if (Breadcrumb is null
            && (className.Contains("breadcrumb", StringComparison.OrdinalIgnoreCase) || id.Contains("breadcrumb", StringComparison.OrdinalIgnoreCase)))
        {
            Breadcrumb = node;
        }
    }

    // As the selector link[rel~=next][href], a[rel~=next][href] matches: the token as written.
    private static bool IsRelNext(IElement element) =>
        element.HasAttribute("href") && element.GetAttribute("rel") is { } rel && rel.Split(' ').Contains("next");

    private static bool NamesDate(string itemprop) =>
        HasToken(itemprop, "datePublished") || HasToken(itemprop, "dateCreated") || HasToken(itemprop, "dateModified") || HasToken(itemprop, "dateUpdated");

    /// <summary>
    /// Whether the div holds only inline content with some text, directly or inside its inline children: editors that
    /// style every line write <c>&lt;div&gt;&lt;span style=…&gt;&lt;span&gt;text&lt;/span&gt;&lt;/span&gt;&lt;/div&gt;</c>.
    /// </summary>
    private static bool HoldsOnlyText(IElement div)
    {
        var text = false;
        var inlineText = false;
        foreach (var child in div.ChildNodes)
        {
            if (child is IElement element)
            {
                if (element.LocalName is not ("br" or "a" or "b" or "strong" or "em" or "i" or "span" or "font" or "u" or "sup" or "sub" or "mark"))
                {
                    return false;
                }

                // Once some text is known, only the remaining children's tags matter: no text is built to test them.
                inlineText = inlineText || text || (element.LocalName != "br" && !ShortText.IsBlank(element));
            }

            text |= child is IText { Data.Length: > 0 } run && !string.IsNullOrWhiteSpace(run.Data);
        }

        return text || inlineText;
    }

    /// <summary>Whether a whitespace-separated list holds the token, ignoring ASCII case (as the <c>~=</c> selector with <c>i</c>).</summary>
    private static bool HasToken(string list, string token)
    {
        foreach (var range in list.AsSpan().SplitAny(" \t\n\f\r"))
        {
            if (list.AsSpan()[range].Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
