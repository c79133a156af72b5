
namespace NewsFeedWorker.Parsing.Generic;

/// <summary>Falls back to <c>&lt;time datetime&gt;</c> (and <c>itemprop=datePublished</c>) for the publication date.</summary>
internal static class TimeElementReader
{
    public static void Read(PageIndex index, MetadataFields fields)
    {
        if (fields[FieldNames.Published] is not null)
        {
            return;
        }

        var itemprop = index.DatePublishedItem;
        var value = itemprop?.GetAttribute("content") ?? itemprop?.GetAttribute("datetime")
            ?? (index.TimeInArticle ?? index.PubdateTime ?? index.AnyTime)?.GetAttribute("datetime");

        fields.Offer(FieldNames.Published, value, ExtractionMethod.Heuristic);
    }
}
