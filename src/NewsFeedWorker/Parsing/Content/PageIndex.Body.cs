using System.Buffers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>The body's visible nodes: anchors, weather text, the date header and 더보기 links.</summary>
internal sealed partial class PageIndex
{
    private static readonly SearchValues<char> Weekdays = SearchValues.Create("일월화수목금토");

    /// <summary><c>더보기</c>, <c>더 보기</c>, <c>more</c>, <c>전체보기</c>, with any decoration around it: <c>+ 더보기</c>, <c>[더보기]</c>, <c>더보기 »</c>, <c>MORE &gt;</c>.</summary>
    public static bool IsMoreLabel(ReadOnlySpan<char> text)
    {
        var word = text.Trim(MoreDecoration);
        return word is "더보기" or "더 보기" or "전체보기" || word.Equals("more", StringComparison.OrdinalIgnoreCase);
    }

    private const string MoreDecoration = " +[]()<>»›·…\u00a0";

    private void InspectInBody(IElement element)
    {
        if (element.LocalName == "link")
        {
            HasBodyLinks = true;
        }
        else if (element is IHtmlAnchorElement anchor && anchor.HasAttribute("href"))
        {
            Anchors.Add(anchor);
            if (IsIconMoreLink(anchor))
            {
                MoreLinks.Add(anchor);
            }
        }
    }

    private void InspectInBody(IText text)
    {
        var data = text.Data;
        if (Weather.WeatherTextParser.MayHoldTemperature(data))
        {
            TemperatureTexts.Add(text);
        }

        if (data.Length > 80)
        {
            return;
        }

        var trimmed = data.AsSpan().Trim();
        if (HeaderDate is null && trimmed.Length >= 7 && char.IsAsciiDigit(trimmed[0]) && HasWeekday(trimmed, out var separators))
        {
            if (separators >= 2)
            {
                HeaderDate = trimmed.ToString();
            }
            else
            {
                YearlessHeaderDate ??= trimmed.ToString();
            }
        }

        if (IsMoreLabel(trimmed) && text.ParentElement?.Closest("a") is { } more)
        {
            MoreLinks.Add(more);
        }
    }

    private static bool HasWeekday(ReadOnlySpan<char> text, out int separators)
    {
        separators = text.Count('.') + text.Count('-') + text.Count('/') + text.Count('년') + text.Count('월');
        return separators >= 1 && text.IndexOfAny(Weekdays) >= 0 && (text.Contains('(') || text.Contains("요일", StringComparison.Ordinal));
    }

    // A 더보기 button drawn as an icon: no text, but a title, an image's alt or a "more" class says what it is.
    private static bool IsIconMoreLink(IHtmlAnchorElement anchor)
    {
        if (!ShortText.IsBlank(anchor))
        {
            return false;
        }

        var image = anchor.FirstElementChild is { LocalName: "img" } first ? first : null;
        return IsMoreLabel((anchor.GetAttribute("title") ?? image?.GetAttribute("alt") ?? "").AsSpan().Trim())
            || anchor.ClassName?.Contains("more", StringComparison.OrdinalIgnoreCase) == true;
    }
}
