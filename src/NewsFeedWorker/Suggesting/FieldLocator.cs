using AngleSharp.Dom;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Dates;

namespace NewsFeedWorker.Suggesting;

/// <summary>
/// Finds, on one page, the elements that hold what generic mode extracted: the element whose text is the title, the
/// one whose date is the publication time, the one the lead image comes from. Several elements may qualify (a headline
/// and a breadcrumb); they come in page order and the selectors decide across pages.
/// </summary>
internal static class FieldLocator
{
    private const int ShortText = 120;

    /// <param name="formats">The source's <c>dateFormats</c>, read as configured mode reads a date element.</param>
    public static Dictionary<string, List<IElement>> Locate(IDocument document, Article article, Uri pageUrl, TimeZoneInfo zone, DateTimeOffset fetchedAt, IReadOnlyList<string> formats)
    {
        var elements = document.Body is { } body
            ? body.QuerySelectorAll("*").Where(e => e.LocalName is not ("script" or "style" or "noscript" or "template")).ToList()
            : [];
        var texts = elements.ToDictionary(e => e, e => Text.Norm(e.TextContent));
        var found = new Dictionary<string, List<IElement>>(StringComparer.Ordinal);

        void Add(string field, IEnumerable<IElement> located)
        {
            var list = located.ToList();
            if (list.Count > 0)
            {
                found[field] = list;
            }
        }

        Add("title", Smallest(elements, e => texts[e] == Text.Norm(article.Title)));
        if (article.Subtitle is { } subtitle)
        {
            Add("subtitle", Smallest(elements, e => texts[e] == Text.Norm(subtitle)));
        }

        if (article.Category is { } category)
        {
            // The label itself, else a location line ending in it (HOME / IT/과학).
            var label = Text.Norm(category);
            Add("category", Smallest(elements, e => texts[e] == label)
                .Concat(Smallest(elements, e => texts[e] != label && texts[e].EndsWith(label, StringComparison.Ordinal) && texts[e].Length <= label.Length + 30)));
        }

        if (article.Author is { } author)
        {
            var name = Text.Norm(author);
            Add("author", Smallest(elements, e => texts[e].Contains(name, StringComparison.Ordinal) && texts[e].Length <= name.Length + 40));
        }

        if (article.Origin is { } origin)
        {
            var name = Text.Norm(origin);
            Add("credit", Smallest(elements, e => texts[e].Contains(name, StringComparison.Ordinal) && texts[e].Length <= name.Length + 30));
        }

        if (article.Published is { } published)
        {
            Add("published", Dates(document, elements, texts, published, zone, fetchedAt, formats));
        }

        if (article.Updated is { } updated)
        {
            Add("updated", Dates(document, elements, texts, updated, zone, fetchedAt, formats));
        }

        if (BodyElement(elements, texts, article.BodyText) is { } bodyElement)
        {
            found["body"] = [bodyElement];
        }

        if (article.LeadImage is { } image)
        {
            Add("leadImage", Images(document, image, pageUrl));
        }

        return found;
    }

    /// <summary>The smallest element holding the body's first and last words (the article's container).</summary>
    public static IElement? BodyElement(IReadOnlyList<IElement> elements, IReadOnlyDictionary<IElement, string> texts, string bodyText)
    {
        var paragraphs = bodyText.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (paragraphs.Length == 0)
        {
            return null;
        }

        var first = Head(Text.Norm(paragraphs[0]));
        var last = Tail(Text.Norm(paragraphs[^1]));
        return Smallest(elements, e => texts[e].Contains(first, StringComparison.Ordinal) && texts[e].Contains(last, StringComparison.Ordinal)).FirstOrDefault();
    }

    private static string Head(string text) => text.Length <= 30 ? text : text[..30];

    private static string Tail(string text) => text.Length <= 30 ? text : text[^30..];

    /// <summary>Elements satisfying <paramref name="holds"/> none of whose children does: the innermost holders.</summary>
    private static IEnumerable<IElement> Smallest(IReadOnlyList<IElement> elements, Func<IElement, bool> holds)
    {
        var holding = elements.Where(holds).ToHashSet();
        return elements.Where(e => holding.Contains(e) && !e.Children.Any(holding.Contains));
    }

    private static IEnumerable<IElement> Dates(IDocument document, IReadOnlyList<IElement> elements, Dictionary<IElement, string> texts, DateTimeOffset date, TimeZoneInfo zone, DateTimeOffset fetchedAt, IReadOnlyList<string> formats)
    {
        bool Same(string? raw) => raw is { Length: > 0 and <= ShortText } && KoreanDateParser.Parse(raw, zone, fetchedAt, formats) is { } parsed && parsed.UtcDateTime == date.UtcDateTime;

        // Declared dates first (a meta tag, a <time datetime>): they are what templates keep when their skin changes.
        var metas = document.Head?.QuerySelectorAll("meta[content]").Where(m => Same(m.GetAttribute("content"))) ?? [];
        var times = elements.Where(e => e.HasAttribute("datetime") && Same(e.GetAttribute("datetime")));
        var shown = Smallest(elements, e => texts[e].Length <= ShortText && texts[e].Any(char.IsDigit) && Same(texts[e]));
        return metas.Concat(times).Concat(shown).Distinct();
    }

    private static IEnumerable<IElement> Images(IDocument document, Uri image, Uri pageUrl)
    {
        bool Same(string? raw) => raw is { Length: > 0 } && Uri.TryCreate(pageUrl, raw, out var resolved) && resolved == image;

        var metas = document.Head?.QuerySelectorAll("meta[content]").Where(m => Same(m.GetAttribute("content"))) ?? [];
        var images = document.QuerySelectorAll("img").Where(i => Same(i.GetAttribute("data-src")) || Same(i.GetAttribute("src")));
        return metas.Concat(images);
    }
}
