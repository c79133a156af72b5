using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml.Linq;

namespace NewsFeedWorker.Publishing.Formats;

/// <summary>Renders a feed as RSS 2.0 with content:encoded, dc:creator, media:content and atom:link self/hub.</summary>
public static class RssFeedWriter
{
    private static readonly XNamespace Content = FeedNamespaces.Content;
    private static readonly XNamespace Dc = FeedNamespaces.DublinCore;
    private static readonly XNamespace Media = FeedNamespaces.Media;

    public static byte[] Write(FeedDocument document, FeedLinks links)
    {
        var feed = new SyndicationFeed
        {
            Title = new TextSyndicationContent(EncodeHtml(document.Title)),
            Description = new TextSyndicationContent(EncodeHtml(document.Description)),
            Language = document.Language,
            Generator = "NewsFeedWorker",
        };
        FeedXml.Declare(feed, "atom", FeedNamespaces.Atom);
        FeedXml.Declare(feed, "content", FeedNamespaces.Content);
        FeedXml.Declare(feed, "dc", FeedNamespaces.DublinCore);
        FeedXml.Declare(feed, "media", FeedNamespaces.Media);

        if (document.Updated is { } updated)
        {
            feed.LastUpdatedTime = updated;
        }

        feed.Links.Add(SyndicationLink.CreateAlternateLink(document.HomeLink ?? links.BaseUrl));
        feed.Links.Add(new SyndicationLink(links.Self(document.Definition, FeedFormat.Rss), "self", null, FeedFormat.Rss.MediaType(), 0));
        if (links.Hub is { } hub)
        {
            feed.Links.Add(new SyndicationLink(hub, "hub", null, null, 0));
        }

        feed.ElementExtensions.Add(new XElement("ttl", Math.Max(1, (int)Math.Ceiling(document.TimeToLive.TotalMinutes)).ToString(CultureInfo.InvariantCulture)));
        var combined = document.Definition.SourceId is null;
        feed.Items = [.. document.Items.Select(i => Item(i, links, combined, document.Definition.IsWeather))];
        return FeedXml.Write(new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true));
    }

    /// <param name="combined">A feed mixing sources: each item then names its source's own feed.</param>
    private static SyndicationItem Item(FeedItem item, FeedLinks links, bool combined, bool weather)
    {
        var result = new SyndicationItem
        {
            Id = item.Id,
            // Readers treat RSS titles and descriptions as HTML: plain text is encoded once more so "<b>" stays literal.
            Title = new TextSyndicationContent(EncodeHtml(item.Title)),
            PublishDate = item.Published,
            LastUpdatedTime = item.Updated,
        };
        result.Links.Add(SyndicationLink.CreateAlternateLink(item.Link));
        if (item.Summary is { } summary)
        {
            result.Summary = new TextSyndicationContent(EncodeHtml(summary));
        }

        foreach (var category in item.Categories)
        {
            result.Categories.Add(new SyndicationCategory(category));
        }

        // RSS <author> must be an e-mail address; a name goes in dc:creator.
        if (item.Author is { } author)
        {
            result.ElementExtensions.Add(new XElement(Dc + "creator", author));
        }

        result.ElementExtensions.Add(new XElement(Content + "encoded", links.Content(item)));
        if (combined && item is { SourceId: { } sourceId, SourceName: { } sourceName })
        {
            var sourceFeed = weather ? FeedDefinition.ForSourceWeather(sourceId) : FeedDefinition.ForSource(sourceId);
            result.ElementExtensions.Add(new XElement("source", new XAttribute("url", links.Self(sourceFeed, FeedFormat.Rss).AbsoluteUri), sourceName));
        }

        if (item.Image is { } image)
        {
            if (image.MediaType is { } type)
            {
                // Written by hand: the formatter drops length="0", but RSS requires the attribute (0 = unknown).
                result.ElementExtensions.Add(new XElement(
                    "enclosure",
                    new XAttribute("url", image.Url.AbsoluteUri),
                    new XAttribute("length", (image.Length ?? 0).ToString(CultureInfo.InvariantCulture)),
                    new XAttribute("type", type)));
            }

            result.ElementExtensions.Add(MediaContent(image));
        }

        return result;
    }

    private static string EncodeHtml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static XElement MediaContent(FeedImage image)
    {
        var element = new XElement(Media + "content", new XAttribute("url", image.Url.AbsoluteUri), new XAttribute("medium", "image"));
        if (image.MediaType is { } type)
        {
            element.Add(new XAttribute("type", type));
        }

        if (image.Length is { } length)
        {
            element.Add(new XAttribute("fileSize", length.ToString(CultureInfo.InvariantCulture)));
        }

        return element;
    }
}
