using System.Net;
using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.Tests.Fetching;

public sealed class IpAddressClassifierTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("10.0.0.8")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("::a9fe:a9fe")]                 // IPv4-compatible 169.254.169.254
    [InlineData("64:ff9b::a9fe:a9fe")]          // NAT64 of the metadata service
    [InlineData("64:ff9b::7f00:1")]             // NAT64 of loopback
    [InlineData("2002:a9fe:a9fe::1")]           // 6to4 of the metadata service
    [InlineData("2002:c0a8:101::1")]            // 6to4 of 192.168.1.1
    [InlineData("2001:0:a9fe:a9fe::1")]         // Teredo whose server is 169.254.169.254
    [InlineData("2001:0:808:808::80ff:fffe")]   // Teredo whose client is 127.0.0.1 (stored inverted)
    public void Private_loopback_and_link_local_addresses_are_not_public(string address) =>
        Assert.False(IpAddressClassifier.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:2800:220:1::1")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    [InlineData("2001:0:808:808::f7f7:f7f7")]
    public void Internet_addresses_are_public(string address) =>
        Assert.True(IpAddressClassifier.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("localhost", true)]
    [InlineData("[::1]", true)]
    [InlineData("192.168.0.10", true)]
    [InlineData("news.example", false)]
    [InlineData("8.8.8.8", false)]
    public void Only_private_literals_and_localhost_count_as_a_private_configured_host(string host, bool expected) =>
        Assert.Equal(expected, IpAddressClassifier.IsPrivateHostLiteral(host));
}
