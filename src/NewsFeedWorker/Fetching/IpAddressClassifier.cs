using System.Net;
using System.Net.Sockets;

namespace NewsFeedWorker.Fetching;

/// <summary>Says whether an address is on the public internet; discovered links must not reach anything else.</summary>
public static class IpAddressClassifier
{
    // Special-purpose ranges (IANA registries) that are never a public web site.
    private static readonly (IPAddress Network, int PrefixLength)[] NonPublicV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),        // "this network"
        (IPAddress.Parse("10.0.0.0"), 8),       // private
        (IPAddress.Parse("100.64.0.0"), 10),    // carrier-grade NAT
        (IPAddress.Parse("127.0.0.0"), 8),      // loopback
        (IPAddress.Parse("169.254.0.0"), 16),   // link-local, cloud metadata services
        (IPAddress.Parse("172.16.0.0"), 12),    // private
        (IPAddress.Parse("192.0.0.0"), 24),     // IETF protocol assignments
        (IPAddress.Parse("192.0.2.0"), 24),     // documentation
        (IPAddress.Parse("192.168.0.0"), 16),   // private
        (IPAddress.Parse("198.18.0.0"), 15),    // benchmarking
        (IPAddress.Parse("198.51.100.0"), 24),  // documentation
        (IPAddress.Parse("203.0.113.0"), 24),   // documentation
        (IPAddress.Parse("224.0.0.0"), 4),      // multicast
        (IPAddress.Parse("240.0.0.0"), 4),      // reserved, broadcast
    ];

    private static readonly (IPAddress Network, int PrefixLength)[] NonPublicV6 =
    [
        (IPAddress.Parse("::"), 128),           // unspecified
        (IPAddress.Parse("::1"), 128),          // loopback
        (IPAddress.Parse("64:ff9b:1::"), 48),   // local-use NAT64
        (IPAddress.Parse("100::"), 64),         // discard
        (IPAddress.Parse("2001:db8::"), 32),    // documentation
        (IPAddress.Parse("fc00::"), 7),         // unique local
        (IPAddress.Parse("fe80::"), 10),        // link-local
        (IPAddress.Parse("fec0::"), 10),        // old site-local
        (IPAddress.Parse("ff00::"), 8),         // multicast
    ];

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var ranges = address.AddressFamily == AddressFamily.InterNetwork ? NonPublicV4 : NonPublicV6;
        return !ranges.Any(r => IsInRange(address, r.Network, r.PrefixLength))
            && EmbeddedIPv4(address).All(embedded => IsPublic(embedded));
    }

    /// <summary>
    /// IPv4 addresses an IPv6 address carries, which a gateway may deliver to: IPv4-compatible (<c>::a9fe:a9fe</c>
    /// is 169.254.169.254), NAT64 (<c>64:ff9b::/96</c>), 6to4 (<c>2002::/16</c>) and Teredo (<c>2001::/32</c>, its server
    /// and its inverted client address). Such an address is public only when what it embeds is.
    /// </summary>
    private static IEnumerable<IPAddress> EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            yield break;
        }

        var b = address.GetAddressBytes();
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            yield return new IPAddress(b.AsSpan(12, 4)); // IPv4-compatible (::/96; :: and ::1 are listed above)
        }
        else if (b.AsSpan(0, 12).SequenceEqual((ReadOnlySpan<byte>)[0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0]))
        {
            yield return new IPAddress(b.AsSpan(12, 4)); // NAT64
        }
        else if (b[0] == 0x20 && b[1] == 0x02)
        {
            yield return new IPAddress(b.AsSpan(2, 4)); // 6to4
        }
        else if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
        {
            yield return new IPAddress(b.AsSpan(4, 4)); // Teredo server
            yield return new IPAddress([(byte)~b[12], (byte)~b[13], (byte)~b[14], (byte)~b[15]]); // Teredo client
        }
    }

    /// <summary>A host written as a non-public IP literal, or <c>localhost</c>: the operator pointed us at a private site on purpose.</summary>
    public static bool IsPrivateHostLiteral(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var literal) && !IsPublic(literal));

    private static bool IsInRange(IPAddress address, IPAddress network, int prefixLength)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        Span<byte> a = stackalloc byte[16];
        Span<byte> n = stackalloc byte[16];
        address.TryWriteBytes(a, out var length);
        network.TryWriteBytes(n, out _);
        var fullBytes = prefixLength / 8;
        if (!a[..fullBytes].SequenceEqual(n[..fullBytes]))
        {
            return false;
        }

        var remainingBits = prefixLength % 8;
        if (remainingBits == 0 || fullBytes >= length)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - remainingBits));
        return (a[fullBytes] & mask) == (n[fullBytes] & mask);
    }
}
