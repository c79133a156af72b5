using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Links;

/// <summary>The next list page: the configured selector, <c>rel=next</c>, a link to <c>page=N+1</c>, or a "다음" link in a pager.</summary>
internal static partial class PaginationFinder
{
    public static Uri? Find(IDocument document, PageIndex scan, string? selector, Uri pageUrl, Uri baseUri, List<string> errors)
    {
        if (selector is not null)
        {
            var element = SelectorQuery.First(document, selector, "articleLinks.nextPage", errors);
            var anchor = element is null ? null : element.LocalName == "a" ? element : SelectorQuery.First(element, "a[href]", "", null);
            if (anchor is not null && SameSite(UrlResolver.Resolve(baseUri, anchor.GetAttribute("href")), pageUrl) is { } configured)
            {
                return configured;
            }

            errors.Add($"articleLinks: next-page selector '{selector}' matched nothing; looked for pagination by its shape");
        }

        if (RelNext(document, scan) is { } relNext
            && SameSite(UrlResolver.Resolve(baseUri, relNext.GetAttribute("href")), pageUrl) is { } declared)
        {
            return declared;
        }

        return NextNumber(scan, pageUrl) ?? NextByLabel(scan, pageUrl);
    }

    /// <summary>The first <c>link</c> or <c>a</c> with <c>rel=next</c>, in document order, from the head's links and the scanned anchors.</summary>
    private static IElement? RelNext(IDocument document, PageIndex scan)
    {
        if (document.Head is { } head)
        {
            foreach (var link in head.Children)
            {
                if (link.LocalName == "link" && link.HasAttribute("href") && IsRelNext(link))
                {
                    return link;
                }
            }
        }

        foreach (var anchor in scan.Anchors)
        {
            if (IsRelNext(anchor))
            {
                return anchor;
            }
        }

        // Rare: a <link rel=next> placed in the body, or anchors the scan skips.
        return scan.HasBodyLinks ? scan.FirstRelNext : null;
    }

    private static bool IsRelNext(IElement element) =>
        element.GetAttribute("rel") is { } rel && HasToken(rel.ToLowerInvariant(), "next");

    private static Uri? NextNumber(PageIndex scan, Uri pageUrl)
    {
        var current = PageNumber(pageUrl) ?? 1;
        foreach (var anchor in scan.Anchors)
        {
            if (anchor.GetAttribute("href") is { } href && href.Contains('=', StringComparison.Ordinal)
                && SameSite(scan.UrlOf(anchor), pageUrl) is { } url
                && url.AbsolutePath == pageUrl.AbsolutePath
                && PageNumber(url) == current + 1)
            {
                return url;
            }
        }

        return null;
    }

    private static Uri? NextByLabel(PageIndex scan, Uri pageUrl)
    {
        foreach (var anchor in scan.Anchors)
        {
            var nextClass = HasNextClass(anchor);
            var text = ShortText.Of(anchor, MaxLabel, out var tooLong);
            if (tooLong && !nextClass)
            {
                continue; // a headline, not a pager button
            }

            var label = (tooLong ? TextNormalizer.Clean(anchor.TextContent) : text) ?? TextNormalizer.Clean(anchor.GetAttribute("title")) ?? "";
            var nextLabel = label is "다음" or "다음 페이지" or "다음페이지" or "다음 >" or "next" or "Next" or "NEXT" or "›" or "»" or ">" or "Next »";
            if ((nextLabel || nextClass) && !label.Contains("기사", StringComparison.Ordinal)
                && anchor.Closest("[class*=pag], [id*=pag], [class*=page], nav") is not null
                && SameSite(scan.UrlOf(anchor), pageUrl) is { } url
                && url != pageUrl)
            {
                return url;
            }
        }

        return null;
    }

    private const int MaxLabel = 64;

    private static bool HasNextClass(IElement anchor) =>
        anchor.GetAttribute("class") is { } own && HasToken(own, "next")
        || anchor.ParentElement?.GetAttribute("class")?.Contains("next", StringComparison.OrdinalIgnoreCase) == true;

    private static bool HasToken(string list, string token)
    {
        foreach (var range in list.AsSpan().SplitAny(' ', '\t', '\n', '\r', '\f'))
        {
            if (list.AsSpan()[range].SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }

    private static Uri? SameSite(Uri? url, Uri pageUrl) =>
        url is not null && UrlResolver.SameSite(url, pageUrl) ? UrlResolver.WithoutFragment(url) : null;

    private static int? PageNumber(Uri url)
    {
        var match = PagePattern().Match(url.Query);
        return match.Success ? int.Parse(match.Groups["n"].ValueSpan, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"[?&](?:page|pg|p|pageNo|page_no|cpage)=(?<n>\d{1,5})(?:&|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PagePattern();
}
