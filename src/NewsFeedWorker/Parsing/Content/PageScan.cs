using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>What one walk over the page collects for the extractors, so none of them has to walk the whole tree again.</summary>
internal sealed class PageScan
{
    private readonly Uri baseUri;
    // Keyed by the raw href: a page links the same URL many times, and a string key hashes cheaper than a node.
    private readonly Dictionary<string, Uri?> resolved = new(StringComparer.Ordinal);

    private PageScan(Uri baseUri) => this.baseUri = baseUri;

    /// <summary>Text nodes holding a temperature sign (℃, °C, or a number and 도): the raw material of weather widgets.</summary>
    public List<IText> TemperatureTexts { get; } = [];

    /// <summary>The first date-with-weekday text (<c>2025.11.08 (토)</c>): the page's date header.</summary>
    public string? HeaderDate { get; private set; }

    /// <summary>Anchors reading <c>더보기</c> (or "more"), which mark section teaser blocks.</summary>
    public List<IElement> MoreLinks { get; } = [];

    /// <summary>Whether the body holds <c>&lt;link&gt;</c> elements (they belong in the head; the pagination finder looks there).</summary>
    public bool HasBodyLinks { get; private set; }

    /// <summary>Every anchor with an href, in page order.</summary>
    public List<IHtmlAnchorElement> Anchors { get; } = [];

    /// <summary>An anchor's href, absolute and without fragment; resolved once per anchor, however many extractors ask.</summary>
    public Uri? UrlOf(IElement anchor)
    {
        var href = anchor.GetAttribute("href");
        if (href is null)
        {
            return null;
        }

        if (!resolved.TryGetValue(href, out var url))
        {
            url = UrlResolver.Resolve(baseUri, href);
            url = url is null ? null : UrlResolver.WithoutFragment(url);
            resolved[href] = url;
        }

        return url;
    }

    public static PageScan Of(IDocument document, Uri baseUri)
    {
        var scan = new PageScan(baseUri);
        var root = (INode?)document.Body ?? document.DocumentElement;
        if (root is null)
        {
            return scan;
        }

        var walk = new DomWalk(root);
        var enter = true;
        while (walk.MoveNext(enter))
        {
            enter = true;
            if (walk.Current is IElement element)
            {
                if (element.LocalName is "script" or "style" or "noscript" or "template")
                {
                    enter = false;
                }
                else if (element.LocalName == "link")
                {
                    scan.HasBodyLinks = true;
                }
                else if (element is IHtmlAnchorElement anchor && anchor.HasAttribute("href"))
                {
                    scan.Anchors.Add(anchor);
                    if (IsIconMoreLink(anchor))
                    {
                        scan.MoreLinks.Add(anchor);
                    }
                }
            }
            else if (walk.Current is IText text)
            {
                scan.Inspect(text);
            }
        }

        return scan;
    }

    private void Inspect(IText text)
    {
        var data = text.Data;
        if (Weather.WeatherTextParser.MayHoldTemperature(data))
        {
            TemperatureTexts.Add(text);
        }

        if (data.Length > 80)
        {
            return;
        }

        var trimmed = data.AsSpan().Trim();
        if (HeaderDate is null && trimmed.Length >= 10 && char.IsAsciiDigit(trimmed[0]) && HasWeekday(trimmed))
        {
            HeaderDate = trimmed.ToString();
        }

        if (IsMoreLabel(trimmed) && text.ParentElement?.Closest("a") is { } more)
        {
            MoreLinks.Add(more);
        }
    }

    private static readonly System.Buffers.SearchValues<char> Weekdays = System.Buffers.SearchValues.Create("일월화수목금토");

    private static bool HasWeekday(ReadOnlySpan<char> text) =>
        text.IndexOfAny(Weekdays) >= 0 && (text.Contains('(') || text.Contains("요일", StringComparison.Ordinal))
        && text.Count('.') + text.Count('-') + text.Count('/') + text.Count('년') + text.Count('월') >= 2;

    // A 더보기 button drawn as an icon: no text, but a title, an image's alt or a "more" class says what it is.
    private static bool IsIconMoreLink(IHtmlAnchorElement anchor)
    {
        if (!ShortText.IsBlank(anchor))
        {
            return false;
        }

        var image = anchor.FirstElementChild is { LocalName: "img" } first ? first : null;
        return IsMoreLabel((anchor.GetAttribute("title") ?? image?.GetAttribute("alt") ?? "").AsSpan().Trim())
            || anchor.ClassName?.Contains("more", StringComparison.OrdinalIgnoreCase) == true;
    }

    public static bool IsMoreLabel(ReadOnlySpan<char> text) =>
        text is "더보기" or "더 보기" or "+ 더보기" or "더보기 +" or "더보기+" or "+더보기" or "more" or "MORE" or "More" or "more +" or "+ more" or "전체보기";
}
