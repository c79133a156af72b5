using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace NewsFeedWorker.Dedupe;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5): the same source and canonical URL give the same id on every
/// machine and forever, so feed readers never see an item come back as new; and the IRI feeds publish for a stored id.
/// </summary>
public static class StableId
{
    /// <summary>Our namespace for article ids; fixed forever (changing it would change every feed GUID).</summary>
    private static readonly Guid ArticleNamespace = new("6f1c2b0e-4f3a-5d8e-9a41-7c2e5b3d9f10");

    /// <summary>Namespace for stored ids that are neither UUIDs nor IRIs; fixed forever for the same reason.</summary>
    private static readonly Guid IriNamespace = new("1b671a64-40d5-491e-99b0-da01ff1f3341");

    /// <summary>The article id as a lower-case UUID string; feeds publish it as <c>urn:uuid:{id}</c>.</summary>
    public static string ForArticle(string sourceId, string canonicalUrl) =>
        Create(ArticleNamespace, sourceId + "|" + canonicalUrl).ToString("D");

    /// <summary>A stored id as the IRI feeds use for the item: <c>urn:uuid:…</c>, or the stored <c>urn:</c>/<c>tag:</c> IRI.</summary>
    public static string ToIri(string storedId)
    {
        if (Guid.TryParse(storedId, out var guid))
        {
            return "urn:uuid:" + guid.ToString("D");
        }

        if (storedId.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) || storedId.StartsWith("tag:", StringComparison.OrdinalIgnoreCase))
        {
            return storedId;
        }

        return "urn:uuid:" + Create(IriNamespace, storedId).ToString("D");
    }

    public static Guid Create(Guid ns, string name)
    {
        Span<byte> nsBytes = stackalloc byte[16];
        ns.TryWriteBytes(nsBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        nsBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 specifies for version 5; this is naming, not security.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>Reads the version nibble (tests use it to check the layout).</summary>
    public static int VersionOf(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]) >> 12;
    }
}
