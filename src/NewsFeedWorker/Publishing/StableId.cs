using System.Security.Cryptography;
using System.Text;

namespace NewsFeedWorker.Publishing;

/// <summary>Turns a stored id into the IRI feeds use as item id: <c>urn:uuid:…</c>, or the stored <c>urn:</c>/<c>tag:</c> IRI.</summary>
public static class StableId
{
    // A fixed namespace for name-based (RFC 9562 version 5) UUIDs made from ids that are not UUIDs already.
    private static readonly Guid Namespace = new("1b671a64-40d5-491e-99b0-da01ff1f3341");

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

        return "urn:uuid:" + NameBased(storedId).ToString("D");
    }

    private static Guid NameBased(string name)
    {
        var ns = Namespace.ToByteArray(bigEndian: true);
        var bytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[ns.Length + bytes.Length];
        ns.CopyTo(input, 0);
        bytes.CopyTo(input, ns.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5 UUIDs; not a security use.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
