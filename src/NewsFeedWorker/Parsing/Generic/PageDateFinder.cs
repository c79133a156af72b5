using AngleSharp.Dom;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Parsing.Generic;

/// <summary>
/// Dates the page states for people rather than machines, read when its metadata states none: a labelled date in the
/// text, the date in the URL's path, then a date next to the headline. Runs whether or not a body was found, so a
/// short article still gets its date.
/// </summary>
internal static class PageDateFinder
{
    public static void Offer(IDocument document, PageIndex index, MetadataFields fields, Uri pageUrl)
    {
        if (fields.PublishedDates.Any(date => DateTextCheck.HasDate(date.Text)))
        {
            return;
        }

        const ExtractionMethod method = ExtractionMethod.Heuristic;
        var body = document.Body;
        var (published, updated) = body is null ? (null, null) : TextDateFinder.Find(body);
        fields.Offer(FieldNames.Published, published, method);
        fields.Offer(FieldNames.Updated, updated, method);
        fields.Offer(FieldNames.Published, UrlDateReader.Read(pageUrl), method);
        if (body is not null && published is null)
        {
            fields.Offer(FieldNames.Published, HeaderDateFinder.Find(body, index, fields[FieldNames.Title]), method);
        }
    }
}
