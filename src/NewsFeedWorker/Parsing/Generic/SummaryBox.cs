using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// A summary box inside or above an article: a short block headed by a summary label (<c>AI 요약</c>, <c>핵심 요약</c>,
/// <c>3줄 요약</c>, <c>핵심 요약쏙</c>). Its lines repeat the story in other words or ask readers to log in, so they are
/// neither the body nor the headline.
/// </summary>
internal static partial class SummaryBox
{
    /// <summary>A box is small: the label, a few lines, a notice.</summary>
    private const int MaxBox = 600;

    private const int MaxLabel = 24;

    /// <summary>The box that <paramref name="label"/> heads, when it is an element holding only a summary label; else null.</summary>
    public static IElement? Around(IElement label)
    {
        if (label.ChildElementCount != 0 || !HoldsSummaryWord(label) || ShortText.Of(label, MaxLabel, out _) is not { } text || !Label().IsMatch(text))
        {
            return null;
        }

        for (var box = label.ParentElement; box is { LocalName: not ("body" or "html" or "main" or "article") }; box = box.ParentElement)
        {
            var boxText = ShortText.Of(box, MaxBox, out var tooLong);
            if (tooLong)
            {
                return null;
            }

            // The first ancestor holding more than the label ("핵심 요약쏙" + "은 회원용 콘텐츠입니다") is the box.
            if (boxText != text)
            {
                return box;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether one of the element's text nodes holds the second syllable of 요약, which every label spells: asked of every
    /// leaf element of the page, so most are ruled out before their text is built into a string.
    /// </summary>
    private static bool HoldsSummaryWord(IElement label)
    {
        var children = label.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is IText text && text.Data.Contains('약', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Bracketed or bulleted too: "[AI 요약]", "■ 핵심 요약", "【요약】".
    [GeneratedRegex(@"^[\[【<〈(■□▶▷●◆◇※]?\s*(?:AI|인공지능)?\s*(?:핵심|기사|세\s*줄|[1-5]\s*줄|한\s*줄)?\s*요약(?:쏙|봇)?\s*[\]】>〉)]?\s*[:：]?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Label();
}
