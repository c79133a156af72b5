using System.Security.Cryptography;

namespace NewsFeedWorker.Publishing;

/// <summary>Bytes ready to serve or export, with a strong ETag over those bytes and Last-Modified from the newest item.</summary>
public sealed record RenderedFeed
{
    public RenderedFeed(byte[] content, string contentType, DateTimeOffset? lastModified)
    {
        Content = content;
        ContentType = contentType;
        LastModified = lastModified;
        ETag = "\"" + Convert.ToBase64String(SHA256.HashData(content), 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
    }

    public byte[] Content { get; }

    public string ContentType { get; }

    /// <summary>Strong validator over the content bytes: equal bytes, equal ETag, whenever and wherever rendered.</summary>
    public string ETag { get; }

    public DateTimeOffset? LastModified { get; }
}
