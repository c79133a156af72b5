using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Dates;

namespace NewsFeedWorker.Parsing.Weather;

/// <summary>
/// The page's date header when it is written without a year (<c>11.08 (토)</c>): the page scan keeps only dates with a
/// year, so the widget's day is looked for here, and only once a widget was found.
/// </summary>
internal static class YearlessHeaderDate
{
    private const int MaxTextLength = 30;

    public static DateOnly? Find(IDocument document, TimeZoneInfo zone, DateTimeOffset fetchedAt)
    {
        var root = (INode?)document.Body ?? document.DocumentElement;
        if (root is null)
        {
            return null;
        }

        foreach (var text in root.GetDescendants().OfType<IText>())
        {
            if (text.Data.Length is >= 6 and <= MaxTextLength * 2 && text.ParentElement?.LocalName is not ("script" or "style")
                && YearlessDate.Parse(text.Data, zone, fetchedAt) is { } day)
            {
                return day;
            }
        }

        return null;
    }
}
