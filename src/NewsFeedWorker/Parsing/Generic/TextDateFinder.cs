using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Dates the page labels in its text: <c>입력 2025.06.25 14:30</c>, <c>Published: March 5, 2015</c>,
/// <c>Veröffentlicht am 13. Mai 2026</c>, <c>Publié le 3 mars 2020</c>, <c>Aggiornato il …</c>. Only labelled dates count
/// here, so the site's "today" header (<c>2025.11.08 (토)</c>) is never taken. Returns the raw text from the date on;
/// the parse stage turns it into a time.
/// </summary>
internal static partial class TextDateFinder
{
    private const int MaxTextLength = 200;

    /// <summary>How much text after a label may hold its date.</summary>
    private const int Window = 80;

    public static (string? Published, string? Updated) Find(IElement body)
    {
        string? published = null;
        string? updated = null;
        var walk = new DomWalk(body);
        for (var element = walk.NextElement(); element is not null; element = walk.NextElement(DateZones.IsSkipped(element, byName: false)))
        {
            foreach (var child in element.ChildNodes)
            {
                // From two characters on: a Korean label often stands alone in its element (<span>입력</span>, 그누보드's <span class="sound_only">작성일</span>).
                // Most texts hold no label: tested without the match objects and the iterator first.
                if (child is not IText text || text.Data.Length is < 2 or > MaxTextLength || !DateLabels.Pattern().IsMatch(text.Data))
                {
                    continue;
                }

                foreach (var (isUpdate, date) in Labelled(text.Data, element))
                {
                    if (isUpdate)
                    {
                        updated ??= date;
                    }
                    else
                    {
                        published ??= date;
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

        var cut = byline;
        foreach (System.Text.RegularExpressions.Match match in DateLabels.Pattern().Matches(byline))
        {
            if (DateTextCheck.HasDate(After(byline, match)))
            {
                cut = byline[..match.Index];
                break;
            }
        }

        cut = cut.TrimEnd(' ', '|', '·', ',', '-', '/', '\u00A0');
        return cut.Length > 0 ? cut : null;
    }

    private static IEnumerable<(bool IsUpdate, string Date)> Labelled(string text, IElement element)
    {
        foreach (System.Text.RegularExpressions.Match match in DateLabels.Pattern().Matches(text))
        {
            var korean = match.Value.AsSpan().ContainsAnyInRange('가', '힣');
            var after = WithFullYear(After(text, match), korean);
            if (!DateTextCheck.HasDate(after))
            {
                // "<span>Veröffentlicht am</span> <time>13. Mai 2026</time>": the date follows the label's element.
                after = WithFullYear(FollowingText(element, text, match), korean);
                if (!DateTextCheck.HasDate(after))
                {
                    continue;
                }
            }

            yield return (match.Groups["updated"].Success, after!);
        }
    }

    /// <summary>
    /// Board software (그누보드 prints <c>작성일 25-06-25 14:30</c>, PHP's <c>y-m-d H:i</c>) writes the year in two digits: after
    /// a Korean label, a date that starts the text as yy-mm-dd with a time is read as 20yy. Never after other labels, where
    /// <c>03-05-12</c> may be a day first.
    /// </summary>
    private static string? WithFullYear(string? after, bool korean)
    {
        if (!korean || after is null || ShortYear().Match(after) is not { Success: true } match)
        {
            return after;
        }

        return "20" + after[match.Index..];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{2}[-.]\d{2}[-.]\d{2}\s+\d{1,2}:\d{2}", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.NonBacktracking)]
    private static partial System.Text.RegularExpressions.Regex ShortYear();

    private static string After(string text, System.Text.RegularExpressions.Match match)
    {
        var start = match.Index + match.Length;
        return text.Substring(start, Math.Min(Window, text.Length - start)).Trim();
    }

    /// <summary>The text right after the label in its parent (label and date are often sibling elements).</summary>
    private static string? FollowingText(IElement element, string text, System.Text.RegularExpressions.Match match)
    {
        if (match.Index + match.Length < text.TrimEnd().Length)
        {
            return null; // the label is followed by other words in its own text: not a label for a date elsewhere
        }

        for (var scope = element; scope is not null && scope.LocalName != "body"; scope = scope.ParentElement)
        {
            // The scopes grow to large parts of the page before one is too long: counted without building their text.
            if (ShortText.HasMoreThan(scope, MaxTextLength))
            {
                return null;
            }

            var whole = TextMeasure.Collapse(scope.TextContent);
            if (whole.Length > MaxTextLength)
            {
                return null;
            }

            var label = TextMeasure.Collapse(text);
            var at = whole.IndexOf(label, StringComparison.Ordinal);
            if (at >= 0 && at + label.Length < whole.Length)
            {
                var rest = whole[(at + label.Length)..].Trim();
                return rest.Length > Window ? rest[..Window] : rest;
            }
        }

        return null;
    }
}
