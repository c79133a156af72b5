namespace NewsFeedWorker.Publishing.Serving;

/// <summary>The content codings feeds are served in (pre-compressed once per render, not per request).</summary>
public enum ContentCoding
{
    Identity,
    Gzip,
    Brotli,
}
