using System.Buffers;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Two candidate bodies judged by their agreement: the part of the page content scoring chose, and the article text the
/// page declares in its data (JSON-LD <c>articleBody</c>). When the chosen part holds nearly all of the declared text
/// and the declared text covers most of the chosen part, the page has told in its own words what its article is, and a
/// block of the chosen part whose words the declared text mostly lacks is not the article's: a newsletter or app
/// promotion, a poll, another story's teaser, a "follow us" line. The chosen part keeps its markup (paragraphs,
/// headings, links, images), which the plain declared text has lost; only its blocks are judged.
/// </summary>
/// <remarks>
/// Both guards keep the declared text from being trusted where it is not the whole article: a teaser or a paywalled
/// opening covers too little of the page's text, and a declared text the chosen part mostly lacks means the two name
/// different things. Figures, captions, tables, quotes and embedded posts are never judged: declared texts leave them out.
/// </remarks>
internal static class DeclaredTextAgreement
{
    private static readonly SearchValues<string> EmbedNames = SearchValues.Create(["tweet", "twitter", "instagram", "tiktok", "embed"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Share of the declared text's words the chosen part must hold.</summary>
    private const double DeclaredHeld = 0.9;

    /// <summary>Share of the chosen part's words the declared text must hold: less, and it is a teaser or another text.</summary>
    private const double PartDeclared = 0.6;

    /// <summary>A block with less than this share of its words in the declared text goes.</summary>
    private const double BlockDeclared = 0.5;

    /// <summary>Removes the blocks of <paramref name="body"/> the declared text does not support.</summary>
    /// <param name="bodyText">The body's plain text as the article shows it.</param>
    public static void Trim(IElement body, string bodyText, string declared)
    {
        var declaredWords = Words(declared);
        var bodyWords = Words(bodyText);
        int declaredTotal = declaredWords.Values.Sum(), bodyTotal = bodyWords.Values.Sum(), shared = 0;
        foreach (var (word, count) in bodyWords)
        {
            shared += Math.Min(count, declaredWords.GetValueOrDefault(word));
        }

        if (bodyTotal == 0 || shared < DeclaredHeld * declaredTotal || shared < PartDeclared * bodyTotal)
        {
            return;
        }

        var unsupported = new List<IElement>();
        var blocks = Blocks(body);
        for (var i = 0; i < blocks.Count; i++)
        {
            // A block is judged when it holds no other block (the next block in page order would be inside it).
            var leaf = i + 1 == blocks.Count || !blocks[i].Contains(blocks[i + 1]);
            if (leaf && !Supported(blocks[i].TextContent, declaredWords))
            {
                unsupported.Add(blocks[i]);
            }
        }

        foreach (var block in unsupported)
        {
            BodyCleaner.RemoveWithEmptyWrappers(block, body);
        }
    }

    /// <summary>The elements that make a line or paragraph of the plain text, outside figures, captions and tables.</summary>
    private static List<IElement> Blocks(IElement body)
    {
        var blocks = new List<IElement>();
        var walk = new DomWalk(body);
        var skip = false;
        while (walk.NextElement(skip) is { } element)
        {
            skip = element.LocalName is "figure" or "table" or "picture" or "video" or "blockquote" || Boilerplate.IsCaption(element)
                || NamesEmbed(element.ClassName) || NamesEmbed(element.Id);
            if (!skip && PlainText.Breaks(element))
            {
                blocks.Add(element);
            }
        }

        return blocks;
    }

    /// <summary>Embedded posts (a tweet, an Instagram post) are the article's content, and declared texts leave them out.</summary>
    private static bool NamesEmbed(string? name) => name is not null && name.AsSpan().IndexOfAny(EmbedNames) >= 0;

    private static bool Supported(string text, Dictionary<string, int> declaredWords)
    {
        var words = 0;
        var declared = 0;
        foreach (var word in Tokens(text))
        {
            words++;
            declared += declaredWords.ContainsKey(word) ? 1 : 0;
        }

        return words == 0 || declared >= BlockDeclared * words;
    }

    private static Dictionary<string, int> Words(string text)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in Tokens(text))
        {
            words[word] = words.GetValueOrDefault(word) + 1;
        }

        return words;
    }

    private static IEnumerable<string> Tokens(string text) => TextMeasure.Tokens(text).Select(token => token.ToLowerInvariant());
}
