using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Removes the article header that comes along when scoring picks a parent of the body: before the
/// first prose paragraph, a heading that repeats the subtitle, and lists whose items are the
/// byline/date/comment-count labels Korean CMSs print (<c>기자명 …</c>, <c>입력 2025.11.03 14:21</c>,
/// <c>수정 …</c>, <c>댓글 0</c>). Only the content's leading part is walked.
/// </summary>
internal static class LeadingFurniture
{
    private const int ProseParagraph = 40;

    private static readonly string[] Labels =
        ["기자명", "입력", "수정", "승인", "등록", "업데이트", "기사입력", "최종수정", "댓글", "바로가기", "기자"];

    public static void Remove(IElement content, string? title, string? subtitle)
    {
        var doomed = new List<IElement>();
        foreach (var element in content.Descendants<IElement>())
        {
            var name = element.LocalName;
            if ((name == "p" || name == "div") && element.ChildElementCount == 0
                && TextMeasure.CollapsedLength(element.TextContent) >= ProseParagraph)
            {
                break; // the article's prose starts here
            }

            if (doomed.Count > 0 && doomed[^1].Contains(element))
            {
                continue;
            }

            if ((DomWalk.IsHeading(name) || name == "p") && RepeatsField(element, title, subtitle))
            {
                doomed.Add(element);
            }
            else if (name is "ul" or "ol" && IsLabelList(element))
            {
                doomed.Add(element);
            }
        }

        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private static bool RepeatsField(IElement heading, string? title, string? subtitle)
    {
        var text = TextMeasure.Collapse(heading.TextContent);
        // The title heading is the pruner's business (Readability keeps other headings like it); a
        // subtitle heading only repeats a field the article already carries.
        // A bold paragraph opening the body with the subtitle's words (<p><strong>부제</strong></p>, or one line of a
        // subtitle written on two) repeats it too; a plain one is the story's lead (a description often copies it).
        if (heading.LocalName == "p")
        {
            return text.Length >= 8 && subtitle is not null && !string.Equals(subtitle, title, StringComparison.Ordinal) && IsBold(heading)
                && (TextMeasure.Similarity(subtitle, text) > 0.75 || subtitle.Contains(text, StringComparison.Ordinal));
        }

        return text.Length > 0 && subtitle is not null && !string.Equals(subtitle, title, StringComparison.Ordinal)
            && TextMeasure.Similarity(subtitle, text) > 0.75;
    }

    // Every word of the paragraph is inside <b>/<strong>.
    private static bool IsBold(IElement paragraph)
    {
        foreach (var node in DomWalk.Descendants(paragraph))
        {
            if (node is IText text && !string.IsNullOrWhiteSpace(text.Data)
                && (text.ParentElement?.Closest("b, strong") is not { } bold || !paragraph.Contains(bold)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Two or more items, each short and starting with a byline/date label.</summary>
    private static bool IsLabelList(IElement list)
    {
        var items = 0;
        foreach (var item in list.Children)
        {
            var text = TextMeasure.Collapse(item.TextContent);
            if (item.LocalName != "li" || text.Length is 0 or > 60 || !Labels.Any(l => text.StartsWith(l, StringComparison.Ordinal)))
            {
                return false;
            }

            items++;
        }

        return items >= 2;
    }
}
