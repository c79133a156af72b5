using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// The article's header as the page shows it, found by position: walking back from the body's first sentence over the
/// lines before it, bylines and date lines are passed, the next lines of headline length are the subtitle and the
/// headline (the earliest is the headline), and the short line before them is the section: a location line
/// (<c>HOME &gt; IT/과학</c>, <c>HOME / IT/과학</c>, a list starting with HOME) or a label that is also a link of the site.
/// Korean regional pages often carry the headline only there: their title and <c>og:title</c> hold the site's name.
/// </summary>
internal sealed partial class ArticleHeader
{
    private const int MaxHeaderLine = 200;

    private const int MaxLine = 200;
    private const int MinHeadline = 8;
    private const int MaxSection = LocationTrail.MaxSection;
    private const int MaxSteps = 24;
    private const int MinLead = 40;

    // Parsed once: Element.Closest and QuerySelector with a string look the selector up in AngleSharp's locked cache on
    // every call, and the header walk asks several of them for every line above the body.
    private static readonly ISelector FurnitureOrAside = SelectorQuery.Compile("[" + BodyCleaner.FurnitureMark + "], footer, aside")!;
    private static readonly ISelector Nav = SelectorQuery.Compile("nav")!;
    private static readonly ISelector Anchor = SelectorQuery.Compile("a")!;
    private static readonly ISelector Link = SelectorQuery.Compile("a[href]")!;
    private static readonly ISelector TopHeading = SelectorQuery.Compile("h1, h2, h3")!;
    private static readonly ISelector List = SelectorQuery.Compile("ul, ol")!;
    private static readonly ISelector Figure = SelectorQuery.Compile("figure, figcaption")!;
    private static readonly ISelector Picture = SelectorQuery.Compile("img, picture, figure")!;
    private static readonly ISelector Image = SelectorQuery.Compile("img")!;

    /// <summary>
    /// The text nodes above the body, one list per thread, emptied after each page: a page has thousands, and growing a
    /// new list for every page allocated more than the rest of the header search.
    /// </summary>
    [ThreadStatic]
    private static List<IText>? TextsAbove;

    private readonly List<string> lines = [];

    // Only the byline rows: what leaves the body when the page's own title was right and its headline stays.
    private readonly List<string> bylines = [];

    private ArticleHeader()
    {
    }

    public string? Headline { get; private set; }

    public string? Subtitle { get; private set; }

    public string? Category { get; private set; }

    /// <summary>The reporter a byline row names (<c>홍길동 기자</c>), the row nearest the body first.</summary>
    public string? Reporter { get; private set; }

    /// <summary>
    /// The standfirst: the line nearest above the body, past bylines only, that the page also declares as its description
    /// (<c>&lt;p class="intro"&gt;</c>, an <c>h2</c> lead under the headline). The story's first paragraph, set apart.
    /// </summary>
    public string? Lead { get; private set; }

    public static ArticleHeader? Find(IDocument document, IElement content, string? description = null)
    {
        if (document.Body is not { } page || FirstSentence(content) is not { } sentence)
        {
            return null;
        }

        var texts = TextsAbove ??= [];
        try
        {
            if (!TextsBefore(page, sentence, texts))
            {
                return null;
            }

            var header = new ArticleHeader();
            header.Walk(texts, new Lazy<HashSet<string>>(() => LinkTexts(document)), SummaryBoxes(texts), TextNormalizer.Clean(description));
            return header;
        }
        finally
        {
            texts.Clear();
        }
    }

    /// <summary>Whether <paramref name="title"/> is not the page's headline: missing, the site's name (<c>og:site_name</c>, the logo's <c>alt</c>) or a title made of it, or the headline with the section's name.</summary>
    public bool Replaces(string? title, IDocument document, string? siteName)
    {
        if (Headline is null || title == Headline)
        {
            return false;
        }

        var logos = new Lazy<List<string>>(() => PageShows.Logos(document));
        if (title is null || IsSiteName(title, logos, siteName))
        {
            return true;
        }

        // "제목 > IT/과학": the headline and the section's name; "Title | Site" stays what the title cleaner made of it.
        if (title.Contains(Headline, StringComparison.Ordinal))
        {
            return title.StartsWith(Headline, StringComparison.Ordinal) && Category is not null
                && TitleSeparator().Replace(title[Headline.Length..], " ").Trim() == Category;
        }

        // "포탈뉴스 | 지역과 함께하는 정론지": the site's name and a slogan the page never shows ("Article | Site" shows its article).
        // "[포탈뉴스] 지역 뉴스의 중심": a bracketed lead is a part of its own.
        var parts = TitleSeparator().Split(LeadingBracket().Replace(title, "$1 | ")).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return parts.Exists(part => IsSiteName(part, logos, siteName))
            && document.Body is { } body && !parts.Exists(part => !IsSiteName(part, logos, siteName) && PageShows.AsText(body, part));
    }

    private static bool IsSiteName(string text, Lazy<List<string>> logos, string? siteName) =>
        text == siteName || PageShows.Logo(logos.Value, text);

    /// <summary>Removes the header's lines (headline, subtitle, section, byline) that precede the first sentence in <paramref name="content"/>.</summary>
    /// <param name="all">Headline, subtitle and section too: the page's metadata did not name the article, so its header is furniture.</param>
    public void RemoveFrom(IElement content, bool all)
    {
        var lines = all ? this.lines : bylines;
        if (lines.Count == 0 || FirstSentence(content) is not { } sentence)
        {
            return;
        }

        var doomed = new List<IText>();
        foreach (var node in DomWalk.Descendants(content))
        {
            if (node is not IText text)
            {
                continue;
            }

            if (text == sentence)
            {
                break;
            }

            var line = TextNormalizer.Clean(text.Data);
            // Header lines are short; a long "line" is body text that the walk back mistook for one.
            if (line is not null && lines.Exists(l => l.Length <= MaxHeaderLine && l.Contains(line, StringComparison.Ordinal)))
            {
                doomed.Add(text);
            }
        }

        foreach (var text in doomed)
        {
            var owner = text.ParentElement;
            text.Remove();
            while (owner is not null && owner != content && ShortText.IsBlank(owner) && owner.ChildNodes.QuerySelector(Image) is null)
            {
                var parent = owner.ParentElement;
                owner.Remove();
                owner = parent;
            }
        }
    }

    private void Walk(List<IText> texts, Lazy<HashSet<string>> linkTexts, List<IElement> summaryBoxes, string? description)
    {
        var candidates = new List<string>();
        IElement? lastCandidate = null;
        string? pending = null;
        IElement? last = null;
        for (var i = texts.Count - 1; i >= 0 && texts.Count - i <= MaxSteps; i--)
        {
            var container = ContainerOf(texts[i]);
            if (container == last)
            {
                continue;
            }

            last = container;
            if (SelectorQuery.Closest(container, FurnitureOrAside) is not null)
            {
                break;
            }

            var text = LineText.Of(container);
            if (text is null || IsCaption(container) || summaryBoxes.Exists(box => box.Contains(container)))
            {
                continue;
            }

            if (text.Length > MaxLine || (text.Length >= 80 && Prose().IsMatch(text)))
            {
                Lead = candidates.Count == 0 && IsDescription(text, description) ? text : null;
                break;
            }

            if (LocationTrail.Of(container, out var trail) is { } section)
            {
                Category = section;
                lines.Add(LineText.Of(trail!) ?? text);
                break;
            }

            if (SelectorQuery.Closest(container, Nav) is not null)
            {
                break;
            }

            if (Byline().IsMatch(text))
            {
                lines.Add(text);
                bylines.Add(text);
                Reporter ??= ReporterLine.InByline(text);
                continue;
            }

            // A headline that links to its own page (<h1><a href=…>제목</a></h1>) is still the headline.
            var linked = (SelectorQuery.Closest(container, Anchor) is not null || container.ChildNodes.QuerySelector(Anchor) is not null)
                && !(text.Length >= MinHeadline && SelectorQuery.Closest(container, TopHeading) is not null);
            if ((linked || text.Length < MinHeadline) && lastCandidate is not null)
            {
                // Above a subtitle that opens the body: the writer's link and the counters in a row with the date
                // (<div class=meta><a>홍길동</a> 조회 57회 <time>2025.06.25</time></div>), a share button (<a href="#">스크랩</a>)
                // and a region's heading (<h2>본문</h2>, which the page hides by CSS) are passed, never the section.
                // Only the byline row leaves a body whose title stayed: a short heading there may be the story's own.
                var bylineRow = InBylineRow(container, lastCandidate);
                if (bylineRow || IsButton(container) || IsRegionHeading(container, text, linkTexts))
                {
                    lines.Add(text);
                    if (bylineRow)
                    {
                        bylines.Add(text);
                    }

                    continue;
                }
            }

            if (linked || text.Length < MinHeadline)
            {
                if (candidates.Count == 0)
                {
                    // Between the headline and the body: the writer's name, share buttons, sometimes the section's label.
                    lines.Add(text);
                    bylines.Add(text);
                    if (text.Length <= MaxSection && IsSectionLabel(container, text, linkTexts))
                    {
                        pending ??= text;
                    }

                    continue;
                }

                if (text.Length <= MaxSection && IsSectionLabel(container, text, linkTexts))
                {
                    Category = text;
                    lines.Add(text);
                }

                break;
            }

            lines.Add(text);
            if (lastCandidate is not null && IsNextLine(container, lastCandidate))
            {
                // A subtitle written on two lines of the same markup (two <h3>, two <p class="sub">) is one subtitle.
                candidates[^1] = text + " " + candidates[^1];
                lastCandidate = container;
                continue;
            }

            candidates.Add(text);
            lastCandidate = container;
            if (candidates.Count == 3)
            {
                break;
            }
        }

        if (candidates.Count > 0)
        {
            Headline = candidates[^1];
            Subtitle = candidates.Count > 1 ? candidates[^2] : null;
            Lead = candidates.Count > 1 && IsDescription(candidates[0], description) ? candidates[0] : null;
        }

        Category ??= pending ?? LocationTrail.Anywhere(texts);
    }

    // The page's description is this line (or its start, cut with an ellipsis), and it ends as a sentence: a lead of a
    // sentence or more, not a subtitle written like a headline (… 기념행사 개최).
    private static bool IsDescription(string line, string? description) =>
        description is { Length: >= MinLead } && line.Length >= MinLead && Prose().IsMatch(line)
        && (line == description || (description.EndsWith('…') && line.StartsWith(description[..^1].TrimEnd(), StringComparison.Ordinal)));

    // The element right before a line of the same markup: a heading, an element named by its class, or a plain <p>
    // (two short <p> lines between the headline and the byline are one subtitle written on two lines).
    private static bool IsNextLine(IElement container, IElement next) =>
        container.NextElementSibling == next && container.LocalName == next.LocalName && container.ClassName == next.ClassName
        && (container.LocalName is "h2" or "h3" or "h4" or "h5" or "h6" or "p" || !string.IsNullOrEmpty(container.ClassName));

    // A link that goes nowhere (href "#…" or "javascript:"): a button.
    private static bool IsButton(IElement container) =>
        LinkOf(container) is { } anchor
        && (anchor.GetAttribute("href") ?? "").TrimStart() is var href
        && (href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));

    // A short heading that is not a section label: it names a region of the page (본문, 페이지 정보).
    private static bool IsRegionHeading(IElement container, string text, Lazy<HashSet<string>> linkTexts) =>
        container.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" && !IsSectionLabel(container, text, linkTexts);

    // A row (the container's parent) that also holds a date or a byline label.
    private static bool InBylineRow(IElement container, IElement below) =>
        container.ParentElement is { LocalName: not ("body" or "html") } row && !row.Contains(below)
        && ShortText.Of(row, MaxLine, out var tooLong, spaced: true) is { } rowText && !tooLong && Byline().IsMatch(rowText);

    // Summary boxes (AI 요약) between the headline and the body: their lines are neither headline nor subtitle.
    private static List<IElement> SummaryBoxes(List<IText> texts)
    {
        var boxes = new List<IElement>();
        foreach (var text in texts)
        {
            if (text.ParentElement is { } parent && MayBeSummaryLabel(parent) && SummaryBox.Around(parent) is { } box)
            {
                boxes.Add(box);
            }
        }

        return boxes;
    }

    // Every label says 요약 and holds no element: the many other parents above the body are passed without building their text.
    private static bool MayBeSummaryLabel(IElement parent)
    {
        if (parent.ChildElementCount != 0)
        {
            return false;
        }

        foreach (var child in parent.ChildNodes)
        {
            if (child is IText text && text.Data.Contains('요', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // A label of the site's sections names this one (a link, or the text of one); a whole menu of them (more than four) names none.
    private static bool IsSectionLabel(IElement container, string text, Lazy<HashSet<string>> linkTexts) =>
        (SelectorQuery.Closest(container, Anchor) is not null || linkTexts.Value.Contains(text)) && SelectorQuery.Closest(container, List) is not { Children.Length: > 4 }
        && !Byline().IsMatch(text) && !NamesAPerson(container);

    /// <summary>
    /// The writer's linked name between the headline and the body, never a section: the link goes to a person's page
    /// (<c>/reporter/…</c>, <c>/journalist/…</c>, <c>/author/…</c>) or the word after it says so (<c>&lt;a&gt;박서연&lt;/a&gt; 기자</c>).
    /// </summary>
    private static bool NamesAPerson(IElement container)
    {
        var link = LinkOf(container);
        if (link?.GetAttribute("href") is { } href && PersonPath().IsMatch(href))
        {
            return true;
        }

        return (link ?? container).NextSibling is IText next && next.Data.TrimStart().StartsWith("기자", StringComparison.Ordinal);
    }

    // The link around the line, else the first inside it.
    private static IElement? LinkOf(IElement container) =>
        SelectorQuery.Closest(container, Anchor) ?? container.ChildNodes.QuerySelector(Anchor);

    /// <summary>The largest element around a text node that holds no other text.</summary>
    private static IElement ContainerOf(IText text)
    {
        var element = text.ParentElement!;
        var own = TextNormalizer.Clean(text.Data);
        while (element.ParentElement is { LocalName: not ("body" or "html") } up
            && ShortText.Of(up, MaxLine, out var tooLong) is var upText && !tooLong && upText == own)
        {
            element = up;
        }

        return element;
    }

    // A photo's caption sits in a figure or right beside the image.
    private static bool IsCaption(IElement container) =>
        SelectorQuery.Closest(container, Figure) is not null || container.ChildNodes.QuerySelector(Picture) is not null
        || container.PreviousElementSibling is { LocalName: "img" or "picture" } || container.NextElementSibling is { LocalName: "img" or "picture" };

    // The body's first sentence: a text of some length that ends like a Korean or English sentence.
    private static IText? FirstSentence(IElement content)
    {
        // Walked, not listed: the sentence is near the top, and listing every node of the body first cost more than the search.
        var walk = new DomWalk(content);
        while (walk.MoveNext())
        {
            if (walk.Current is IText text && TextNormalizer.Clean(text.Data) is { Length: >= 40 } line && Prose().IsMatch(line))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>Fills <paramref name="texts"/> with the page's non-blank text nodes before the one equal to <paramref name="sentence"/>; false when the page does not show it.</summary>
    private static bool TextsBefore(IElement page, IText sentence, List<IText> texts)
    {
        var walk = new DomWalk(page);
        var enter = true;
        while (walk.MoveNext(enter))
        {
            enter = walk.Current is not IElement { LocalName: "script" or "style" or "noscript" or "template" };
            if (walk.Current is IText text && !string.IsNullOrWhiteSpace(text.Data))
            {
                if (text.Data == sentence.Data)
                {
                    return true;
                }

                texts.Add(text);
            }
        }

        return false;
    }

    private static HashSet<string> LinkTexts(IDocument document)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var anchor in document.ChildNodes.QuerySelectorAll(Link))
        {
            if (ShortText.Of(anchor, MaxSection, out _) is { } text)
            {
                set.Add(text);
            }
        }

        return set;
    }

    [GeneratedRegex(@"(?:reporter|journalist|writer|author|byline|columnist|profile)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PersonPath();

    [GeneratedRegex(@"\s+(?:[|>»·:\-–—/]|::)\s+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"^\s*[\[【]([^\]】]{1,20})[\]】]\s*", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex LeadingBracket();

    [GeneratedRegex(@"(?:다|요|음|함|임)\.(?:\s|$)|[.!?][""”’']?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Prose();

    [GeneratedRegex(@"\d{4}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]|^(?:입력|수정|등록|승인|기사입력|최종수정|발행|업데이트|작성일)\b|\b\d{2}-\d{2}-\d{2}\s+\d{1,2}:\d{2}\b|기자\s*(?:$|[|·=])|@[\w-]+\.", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Byline();
}
