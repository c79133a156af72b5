using System.ServiceModel.Syndication;

namespace NewsFeedWorker.Publishing.Formats;

/// <summary>Renders a feed as Atom 1.0: urn:uuid ids, html content, enclosure and related links, self and hub links.</summary>
public static class AtomFeedWriter
{
    public static byte[] Write(FeedDocument document, FeedLinks links)
    {
        var self = links.Self(document.Definition, FeedFormat.Atom);
        var feed = new SyndicationFeed
        {
            // The feed's own URL is its one id that never changes.
            Id = self.AbsoluteUri,
            Title = new TextSyndicationContent(document.Title),
            Description = new TextSyndicationContent(document.Description),
            Language = document.Language,
            Generator = "NewsFeedWorker",
            // Atom requires <updated>; the builder gives an empty feed its sources' last run (a document built by hand
            // without one still gets a fixed instant rather than "now", so its bytes stay stable).
            LastUpdatedTime = document.Updated ?? DateTimeOffset.UnixEpoch,
        };
        feed.Authors.Add(new SyndicationPerson { Name = document.AuthorName });
        feed.Links.Add(SyndicationLink.CreateAlternateLink(document.HomeLink ?? links.BaseUrl, "text/html"));
        feed.Links.Add(SyndicationLink.CreateSelfLink(self, FeedFormat.Atom.MediaType()));
        if (links.Hub is { } hub)
        {
            feed.Links.Add(new SyndicationLink(hub, "hub", null, null, 0));
        }

        feed.Items = [.. document.Items.Select(i => Item(i, links))];
        return FeedXml.Write(new Atom10FeedFormatter(feed));
    }

    private static SyndicationItem Item(FeedItem item, FeedLinks links)
    {
        var result = new SyndicationItem
        {
            Id = item.Id,
            Title = new TextSyndicationContent(item.Title),
            PublishDate = item.Published,
            LastUpdatedTime = item.Updated,
            Content = SyndicationContent.CreateHtmlContent(links.Content(item)),
        };
        result.Links.Add(SyndicationLink.CreateAlternateLink(item.Link, "text/html"));
        if (item.Summary is { } summary)
        {
            result.Summary = new TextSyndicationContent(summary);
        }

        if (item.Author is { } author)
        {
            result.Authors.Add(new SyndicationPerson { Name = author });
        }

        foreach (var category in item.Categories)
        {
            result.Categories.Add(new SyndicationCategory(category));
        }

        if (item.Image is { MediaType: { } type } image)
        {
            result.Links.Add(new SyndicationLink(image.Url, "enclosure", null, type, image.Length ?? 0));
        }

        foreach (var related in item.RelatedLinks)
        {
            result.Links.Add(new SyndicationLink(related, "related", null, "text/html", 0));
        }

        return result;
    }
}
