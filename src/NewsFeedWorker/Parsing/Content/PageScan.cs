using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>What one walk over the page collects for the extractors, so none of them has to walk the whole tree again.</summary>
internal sealed class PageScan
{
    private PageScan()
    {
    }

    /// <summary>Text nodes holding a temperature sign (℃ or °C): the raw material of weather widgets.</summary>
    public List<IText> TemperatureTexts { get; } = [];

    /// <summary>The first date-with-weekday text (<c>2025.11.08 (토)</c>): the page's date header.</summary>
    public string? HeaderDate { get; private set; }

    /// <summary>Anchors reading <c>더보기</c> (or "more"), which mark section teaser blocks.</summary>
    public List<IElement> MoreLinks { get; } = [];

    /// <summary>Every anchor with an href, in page order.</summary>
    public List<IHtmlAnchorElement> Anchors { get; } = [];

    public static PageScan Of(IDocument document)
    {
        var scan = new PageScan();
        var root = (INode?)document.Body ?? document.DocumentElement;
        if (root is null)
        {
            return scan;
        }

        var node = root.FirstChild;
        while (node is not null)
        {
            if (node is IElement element)
            {
                if (element.LocalName is "script" or "style" or "noscript" or "template")
                {
                    node = DomWalk.NextSkippingChildren(node, root);
                    continue;
                }

                if (element is IHtmlAnchorElement anchor && anchor.HasAttribute("href"))
                {
                    scan.Anchors.Add(anchor);
                }
            }
            else if (node is IText text)
            {
                scan.Inspect(text);
            }

            node = DomWalk.Next(node, root);
        }

        return scan;
    }

    private void Inspect(IText text)
    {
        var data = text.Data;
        if (data.Contains('℃') || data.Contains("°C", StringComparison.Ordinal) || data.Contains('°'))
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

    public static bool IsMoreLabel(ReadOnlySpan<char> text) =>
        text is "더보기" or "더 보기" or "+ 더보기" or "더보기 +" or "더보기+" or "+더보기" or "more" or "MORE" or "More" or "more +" or "+ more" or "전체보기";
}
