using NewsFeedWorker.Publishing.Formats;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>Turns a feed document into the bytes of one format; the HTTP cache and the static export render alike.</summary>
public static class FeedRenderer
{
    public static RenderedFeed Render(FeedDocument document, FeedFormat format, FeedLinks links)
    {
        var bytes = format switch
        {
            FeedFormat.Rss => RssFeedWriter.Write(document, links),
            FeedFormat.Atom => AtomFeedWriter.Write(document, links),
            _ => JsonFeedWriter.Write(document, links),
        };
        return new RenderedFeed(bytes, format.ContentType(), document.Updated);
    }
}
