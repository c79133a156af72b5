using System.Buffers;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Last resort for dates when no metadata gives them: a short labelled text such as
/// <c>입력 2025.06.25 14:30</c>, <c>승인 2019.07.23 12:53</c>, <c>수정 …</c> or <c>Published: …</c>.
/// Only labelled dates count, so the site's "today" header (<c>2025.11.08 (토)</c>) is never taken.
/// Returns the raw text after the label; the parse stage turns it into a time.
/// </summary>
internal static partial class TextDateFinder
{
    private const int MaxTextLength = 160;

    private static readonly SearchValues<string> Labels = SearchValues.Create(
        ["입력", "등록", "승인", "게재", "발행", "작성", "수정", "업데이트", "published", "posted", "updated", "modified"],
        StringComparison.OrdinalIgnoreCase);

    public static (string? Published, string? Updated) Find(IElement body)
    {
        string? published = null;
        string? updated = null;
        var walk = new ElementWalk(body);
        for (var element = walk.Next(); element is not null; element = walk.Next(element.LocalName is "script" or "style" or "noscript"))
        {
            foreach (var child in element.ChildNodes)
            {
                if (child is not IText text || text.Data.Length is < 8 or > MaxTextLength || text.Data.AsSpan().IndexOfAny(Labels) < 0)
                {
                    continue;
                }

                foreach (Match match in LabelledDate().Matches(text.Data))
                {
                    var label = match.Groups["label"].Value;
                    var isUpdate = label is "수정" or "업데이트" || label.StartsWith("updated", StringComparison.OrdinalIgnoreCase)
                        || label.StartsWith("modified", StringComparison.OrdinalIgnoreCase);
                    if (isUpdate)
                    {
                        updated ??= match.Groups["date"].Value.Trim();
                    }
                    else
                    {
                        published ??= match.Groups["date"].Value.Trim();
                    }
                }

                if (published is not null && updated is not null)
                {
                    return (published, updated);
                }
            }
        }

        return (published, updated);
    }

    /// <summary>A byline block often carries the date too ("홍길동 기자 | 입력 2025-11-08 오후 2:30"): keep the name part.</summary>
    public static string? WithoutDates(string? byline)
    {
        if (byline is null)
        {
            return null;
        }

        var match = LabelledDate().Match(byline);
        var cut = match.Success ? byline[..match.Index] : byline;
        cut = cut.TrimEnd(' ', '|', '·', ',', '-', '/', '\u00A0');
        return cut.Length > 0 ? cut : null;
    }

    [GeneratedRegex(
        @"(?<label>기사입력|입력|등록|승인|게재|발행|작성|최종\s*수정|수정|업데이트|published|posted|updated|modified)(?:\s*(?:일|일시|시간|on|at))?\s*[:：]?\s*"
        + @"(?<date>\d{4}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*[.일]?(?:\s*\([^)]{1,3}\))?(?:\s*(?:오전|오후|AM|PM|am|pm))?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:AM|PM|am|pm))?)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledDate();
}
