using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.Tests.Fetching;

public sealed class UrlPolicyTests
{
    private static readonly NewsFeedWorker.Sources.SourceDefinition Source = Some.Source() with { StartUrls = [new Uri("https://news.example/list")] };

    [Theory]
    [InlineData("news.example", true)]
    [InlineData("www.news.example", true)]   // the everyday redirect between the bare and www. forms
    [InlineData("NEWS.example", true)]
    [InlineData("cdn.news.example", false)]
    [InlineData("news.example.evil", false)]
    [InlineData("127.0.0.1", false)]
    public void A_redirect_hop_stays_on_the_source_s_hosts_and_their_www_forms(string host, bool allowed)
    {
        Assert.Equal(allowed, UrlPolicy.IsAllowedHost(Source, host));
    }

    [Fact]
    public void Only_the_private_host_the_operator_named_may_be_reached_at_a_private_address()
    {
        var onLoopback = Some.Source() with { StartUrls = [new Uri("http://127.0.0.1:18089/list")] };

        Assert.False(UrlPolicy.NeedsPublicAddress(onLoopback, new Uri("http://127.0.0.1:18089/a/1"), UrlOrigin.Discovered));
        Assert.True(UrlPolicy.NeedsPublicAddress(onLoopback, new Uri("http://127.0.0.2:18088/a/1"), UrlOrigin.Discovered));
        Assert.True(UrlPolicy.NeedsPublicAddress(onLoopback, new Uri("http://localhost:18089/a/1"), UrlOrigin.Discovered));
    }
}
