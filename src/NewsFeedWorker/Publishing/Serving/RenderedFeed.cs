using System.IO.Compression;
using System.Security.Cryptography;

namespace NewsFeedWorker.Publishing.Serving;

/// <summary>
/// Bytes ready to serve or export, with a strong ETag over those bytes and Last-Modified from the newest item.
/// Brotli and gzip copies are made once, on first demand, and each has its own strong ETag (RFC 9110: a
/// content-coded representation is a different representation).
/// </summary>
public sealed record RenderedFeed
{
    private readonly Lazy<byte[]> brotli;
    private readonly Lazy<byte[]> gzip;
    private readonly Lazy<FeedRepresentation>[] representations;

    public RenderedFeed(byte[] content, string contentType, DateTimeOffset? lastModified)
    {
        Content = content;
        ContentType = contentType;
        LastModified = lastModified;
        Tag = Convert.ToBase64String(SHA256.HashData(content), 0, 18).Replace('+', '-').Replace('/', '_');
        brotli = new(() => Compress(content, s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true)));
        gzip = new(() => Compress(content, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true)));
        representations = [.. Enum.GetValues<ContentCoding>().Select(coding =>
            new Lazy<FeedRepresentation>(() => FeedRepresentation.Create(Body(coding), contentType, coding, ETagFor(coding), lastModified)))];
    }

    public byte[] Content { get; }

    public string ContentType { get; }

    /// <summary>Strong validator over the content bytes: equal bytes, equal ETag, whenever and wherever rendered.</summary>
    public string ETag => ETagFor(ContentCoding.Identity);

    public DateTimeOffset? LastModified { get; }

    private string Tag { get; }

    public byte[] Body(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => brotli.Value,
        ContentCoding.Gzip => gzip.Value,
        _ => Content,
    };

    /// <summary>The bytes and header values of one coding, made once.</summary>
    public FeedRepresentation Representation(ContentCoding coding) => representations[(int)coding].Value;

    public string ETagFor(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => $"\"{Tag}-br\"",
        ContentCoding.Gzip => $"\"{Tag}-gz\"",
        _ => $"\"{Tag}\"",
    };

    private static byte[] Compress(byte[] content, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream();
        using (var stream = encoder(output))
        {
            stream.Write(content);
        }

        return output.ToArray();
    }
}
