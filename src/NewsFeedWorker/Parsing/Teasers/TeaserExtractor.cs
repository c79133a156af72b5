using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;
using NewsFeedWorker.Parsing.Links;

namespace NewsFeedWorker.Parsing.Teasers;

/// <summary>Section teaser blocks (<c>정치 더보기</c>): the configured block selector, else a heading with a 더보기 link and article links.</summary>
internal static class TeaserExtractor
{
    private const string HeadingSelector = "h1, h2, h3, h4, h5, h6, strong, [class*=title], [class*=tit], [class*=head]";
    private static readonly AngleSharp.Css.Dom.ISelector TitleSelector = SelectorQuery.Compile("h1, h2, h3, h4, h5, h6, strong, [class*=tit]")!;
    private static readonly AngleSharp.Css.Dom.ISelector ItemSelector = SelectorQuery.Compile("li, article, dl")!;
    private const string SummarySelector = "p, dd, [class*=sum], [class*=desc], [class*=lead], [class*=txt], [class*=text]";

    /// <param name="furniture">Receives the blocks, so the body cleaner can drop them.</param>
    public static IReadOnlyList<SectionTeaser> Extract(IDocument document, PageIndex scan, string? blockSelector, Uri pageUrl, Regex? pattern, List<string> errors, List<IElement> furniture)
    {
        var blocks = new List<(IElement Block, string Section)>();
        if (blockSelector is not null)
        {
            foreach (var block in SelectorQuery.All(document, blockSelector, "teaserBlock", errors))
            {
                var more = scan.MoreLinks.Find(block.Contains);
                if (SectionName(block, more) is { } section)
                {
                    blocks.Add((block, section));
                }
            }

            // No error when nothing matched: most pages of a site (lists, some articles) carry no teaser blocks.
        }

        if (blocks.Count == 0)
        {
            foreach (var more in scan.MoreLinks)
            {
                if (BlockOf(more, scan.MoreLinks) is { } found)
                {
                    blocks.Add(found);
                }
            }
        }

        var teasers = new List<SectionTeaser>();
        foreach (var (block, section) in blocks)
        {
            // Only a block that holds teasers is furniture: a "more" link climbed to the article's own container (a
            // "More stories" link under the story) must not take the story out of the body.
            var found = TeasersIn(block, section, scan, pageUrl, pattern).ToList();
            if (found.Count == 0 || (TextNormalizer.Clean(block.TextContent)?.Length ?? 0) - LinkText.LengthIn(block) > MaxUnlinkedText)
            {
                continue;
            }

            furniture.Add(block);
            teasers.AddRange(found);
        }

        return teasers;
    }

    // Teaser summaries are short; a block with more running text than this holds an article.
    private const int MaxUnlinkedText = 2000;

    private static (IElement Block, string Section)? BlockOf(IElement more, List<IElement> allMoreLinks)
    {
        // The 더보기 link often sits in a wrapper of its own (<span class="more">) beside the heading: climb to the row that names it.
        var header = more.ParentElement;
        string? section = null;
        for (var level = 0; level < 3 && header is { LocalName: not ("body" or "html") }; level++)
        {
            if (allMoreLinks.Count(header.Contains) > 1)
            {
                return null;
            }

            if ((section = SectionName(header, more)) is not null)
            {
                break;
            }

            header = header.ParentElement;
        }

        if (header is null || section is null)
        {
            return null;
        }

        // Climb from the heading row to the block that holds it, never so far that a second 더보기 block is inside.
        var block = header;
        for (var level = 0; level < 3 && block.ParentElement is { LocalName: not ("body" or "html") } parent; level++)
        {
            if (allMoreLinks.Count(parent.Contains) > 1)
            {
                break;
            }

            block = parent;
            if (block.LocalName is "section" or "article" || SelectorQuery.All(block, "a[href]", "", null).Count > 1)
            {
                break;
            }
        }

        return (block, section);
    }

    private static string? SectionName(IElement scope, IElement? more)
    {
        foreach (var heading in SelectorQuery.All(scope, HeadingSelector, "", null))
        {
            if (more is not null && (heading.Contains(more) || more.Contains(heading)))
            {
                continue;
            }

            // Older layouts draw the heading as an image: <h3><img src="tit_politics.gif" alt="정치"></h3>.
            var text = TextNormalizer.Clean(heading.TextContent) ?? TextNormalizer.Clean(SelectorQuery.First(heading, "img[alt]", "", null)?.GetAttribute("alt"));
            if (text is { Length: <= 30 } && !PageIndex.IsMoreLabel(text))
            {
                return text;
            }
        }

        var previous = more?.PreviousElementSibling;
        if (TextNormalizer.Clean(previous?.TextContent) is { Length: <= 30 } name)
        {
            return name;
        }

        // "<p>정치 <a>+ 더보기</a></p>", "<td><b>정치</b></td><td><a><img alt=더보기></a></td>": the row's own words.
        var own = TextNormalizer.Clean(scope.TextContent);
        var label = TextNormalizer.Clean(more?.TextContent);
        var rest = own is null || label is null ? own : own.Replace(label, "", StringComparison.Ordinal).Trim();
        if (rest is null or { Length: 0 } && more is not null)
        {
            // "<td><img alt=정치></td><td><a><img alt=더보기></a></td>": the row's heading is an image too.
            var images = SelectorQuery.All(scope, "img[alt]", "", null).Where(image => !more.Contains(image)).ToList();
            rest = images.Count == 1 ? TextNormalizer.Clean(images[0].GetAttribute("alt")) : null;
        }

        return rest is { Length: > 0 and <= 30 } && !PageIndex.IsMoreLabel(rest) && SelectorQuery.All(scope, "a[href]", "", null).Count <= 2 ? rest : null;
    }

    private static List<SectionTeaser> TeasersIn(IElement block, string section, PageIndex scan, Uri pageUrl, Regex? pattern)
    {
        var byUrl = new Dictionary<Uri, (string? Title, IElement Anchor)>();
        var order = new List<Uri>();
        foreach (var anchor in SelectorQuery.All(block, "a[href]", "", null))
        {
            if (scan.UrlOf(anchor) is not { } url
                || !UrlResolver.SameSite(url, pageUrl) || !ArticleUrlShape.Matches(url, pattern))
            {
                continue;
            }

            // A whole teaser item is often one link: its title is the heading inside, not all of its text.
            var title = TextNormalizer.Clean(anchor.ChildNodes.QuerySelector(TitleSelector)?.TextContent)
                ?? TextNormalizer.Clean(anchor.TextContent)
                ?? TextNormalizer.Clean(SelectorQuery.First(anchor, "img[alt]", "", null)?.GetAttribute("alt"))
                ?? TextNormalizer.Clean(anchor.GetAttribute("title"));
            if (!byUrl.TryGetValue(url, out var known))
            {
                order.Add(url);
                byUrl[url] = (title, anchor);
            }
            else if (title is not null && IsBetterTitle(title, anchor, known.Title, known.Anchor))
            {
                byUrl[url] = (title, anchor);
            }
        }

        var teasers = new List<SectionTeaser>(order.Count);
        foreach (var url in order)
        {
            var (title, anchor) = byUrl[url];
            if (title is null)
            {
                continue;
            }

            teasers.Add(new SectionTeaser(section, title, url, SummaryOf(anchor, block, title)));
        }

        return teasers;
    }

    // A teaser often links its title and its summary to the same article: the title is the one in a heading, else the shorter.
    private static bool IsBetterTitle(string title, IElement anchor, string? knownTitle, IElement knownAnchor)
    {
        if (knownTitle is null)
        {
            return true;
        }

        var inHeading = SelectorQuery.Closest(anchor, TitleSelector) is not null || anchor.ChildNodes.QuerySelector(TitleSelector) is not null;
        var knownInHeading = SelectorQuery.Closest(knownAnchor, TitleSelector) is not null || knownAnchor.ChildNodes.QuerySelector(TitleSelector) is not null;
        if (inHeading != knownInHeading)
        {
            return inHeading;
        }

        return title.Length >= 8 && (knownTitle.Length < 8 || title.Length < knownTitle.Length);
    }

    private static string? SummaryOf(IElement anchor, IElement block, string title)
    {
        var item = SelectorQuery.Closest(anchor, ItemSelector) ?? anchor.ParentElement;
        if (item is null || item == block && SelectorQuery.All(block, "a[href]", "", null).Count > 2)
        {
            return null;
        }

        foreach (var candidate in SelectorQuery.All(item, SummarySelector, "", null))
        {
            var text = TextNormalizer.Clean(candidate.TextContent);
            if (text is { Length: > 20 } && !text.Contains(title, StringComparison.Ordinal) && candidate.ChildNodes.QuerySelector(TitleSelector) is null)
            {
                return text;
            }
        }

        return null;
    }
}
