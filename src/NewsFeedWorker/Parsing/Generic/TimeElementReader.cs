using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Falls back to <c>&lt;time datetime&gt;</c> (and <c>itemprop=datePublished</c>) for the publication date.</summary>
internal static class TimeElementReader
{
    public static void Read(IDocument document, MetadataFields fields)
    {
        if (fields[FieldNames.Published] is not null)
        {
            return;
        }

        var itemprop = document.QuerySelector("[itemprop~='datePublished']");
        var value = itemprop?.GetAttribute("content") ?? itemprop?.GetAttribute("datetime");
        if (value is null)
        {
            var time = document.QuerySelector("article time[datetime], time[pubdate][datetime], time[datetime]");
            value = time?.GetAttribute("datetime");
        }

        fields.Offer(FieldNames.Published, value, ExtractionMethod.Heuristic);
    }
}
