using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Decides whether a page holds an article at all, like Readability's isProbablyReaderable: visible
/// paragraphs of at least 140 characters add the square root of their excess length, and the page
/// qualifies past 20. CJK characters count double, since one carries about as much as two Latin letters.
/// A page that declares itself an article in its metadata needs less: short Korean news items (three or
/// four 80-character paragraphs) are real articles that never reach 20; for such a page a run of three or more
/// sibling paragraphs of a sentence or two each, long enough together, also qualifies.
/// </summary>
internal static class ReaderableCheck
{
    private const int MinLength = 140;
    private const double MinScore = 20;
    private const double MinScoreDeclared = 6;

    // A declared article written in short paragraphs (Korean news: one or two sentences, 60–130 characters each):
    // none reaches 140, yet a run of them under one parent is the story.
    private const int ShortParagraph = 60;
    private const int ShortRun = 3;
    private const int ShortRunLength = 450;

    public static bool IsProbablyArticle(PageIndex index, bool declaresArticle)
    {
        var minScore = declaresArticle ? MinScoreDeclared : MinScore;
        var score = 0.0;
        IElement? runParent = null;
        var (runCount, runLength) = (0, 0);
        foreach (var candidate in index.ProseNodes)
        {
            if (!IsVisible(candidate))
            {
                continue;
            }

            var classAndId = DomWalk.ClassAndId(candidate);
            if (classAndId.Length > 0 && ClassPatterns.IsUnlikely(classAndId))
            {
                continue;
            }

            // A paragraph in a list item is a teaser, unless the item holds a run of paragraphs: a body laid out in an <li>.
            if (candidate.LocalName == "p" && DomWalk.HasAncestor(candidate, "li") && !InParagraphRun(candidate))
            {
                continue;
            }

            var length = WeightedLength(candidate);
            if (declaresArticle && candidate.LocalName == "p" && length >= ShortParagraph)
            {
                // Sibling paragraphs in a row (the walk meets them in page order), each a sentence or two.
                (runCount, runLength) = candidate.ParentElement == runParent ? (runCount + 1, runLength + length) : (1, length);
                runParent = candidate.ParentElement;
                if (runCount >= ShortRun && runLength >= ShortRunLength)
                {
                    return true;
                }
            }

            if (length < MinLength)
            {
                continue;
            }

            score += Math.Sqrt(length - MinLength);
            if (score > minScore)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InParagraphRun(IElement paragraph)
    {
        var count = 0;
        if (paragraph.ParentElement is not { } parent)
        {
            return false;
        }

        foreach (var sibling in parent.Children)
        {
            if (sibling.LocalName == "p" && ++count >= 3)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVisible(IElement element)
    {
        for (var node = element; node is not null; node = node.ParentElement)
        {
            if (DomPruner.IsHidden(node))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="WeightedLength(string)"/> of the element's text, counted over its text nodes without building it: most
    /// prose nodes are read only to be measured.
    /// </summary>
    private static int WeightedLength(IElement element)
    {
        var (length, cjk, leading, trailing, seen) = (0, 0, 0, 0, false);
        var walk = new DomWalk(element);
        while (walk.MoveNext())
        {
            if (walk.Current is not IText text)
            {
                continue;
            }

            foreach (var c in text.Data)
            {
                length++;
                if (char.IsWhiteSpace(c))
                {
                    leading += seen ? 0 : 1;
                    trailing++;
                    continue;
                }

                seen = true;
                trailing = 0;
                cjk += IsCjk(c) ? 1 : 0;
            }
        }

        return seen ? length - leading - trailing + cjk : 0;
    }

    /// <summary>Trimmed length, CJK characters counted twice.</summary>
    public static int WeightedLength(string text)
    {
        var span = text.AsSpan().Trim();
        var length = span.Length;
        foreach (var c in span)
        {
            if (IsCjk(c))
            {
                length++;
            }
        }

        return length;
    }

    public static bool IsCjk(char c)
        => c is (>= '\u1100' and <= '\u11FF') or (>= '\u3040' and <= '\u30FF') or (>= '\u3130' and <= '\u318F')
            or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');
}
