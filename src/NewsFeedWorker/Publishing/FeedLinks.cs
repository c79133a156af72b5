namespace NewsFeedWorker.Publishing;

/// <summary>Absolute URLs of this service as readers see it (the public base URL, or the request's own).</summary>
public sealed record FeedLinks
{
    public FeedLinks(Uri baseUrl, Uri? hub)
    {
        BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        Hub = hub;
    }

    public Uri BaseUrl { get; }

    public Uri? Hub { get; }

    public Uri Self(FeedDefinition feed, FeedFormat format) => new(BaseUrl, feed.RelativeUrl(format));

    public Uri Opml => new(BaseUrl, "opml");

    /// <summary>An article's history page, <c>articles/{id}</c>.</summary>
    public Uri History(string articleId) => new(BaseUrl, "articles/" + Uri.EscapeDataString(articleId));

    /// <summary>The item's HTML as feeds carry it: an article's ends with the link to its history page ("수정 이력").</summary>
    public string Content(FeedItem item) => item.HistoryId is { } id
        ? item.ContentHtml + "<p><a href=\"" + System.Net.WebUtility.HtmlEncode(History(id).AbsoluteUri) + "\">수정 이력 / history</a></p>"
        : item.ContentHtml;
}
