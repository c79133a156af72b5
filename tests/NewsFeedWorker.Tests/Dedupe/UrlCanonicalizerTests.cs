using NewsFeedWorker.Dedupe;

namespace NewsFeedWorker.Tests.Dedupe;

public sealed class UrlCanonicalizerTests
{
    [Theory]
    // scheme, host, port
    [InlineData("HTTP://Example.COM/Path", "http://example.com/Path")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    [InlineData("https://example.com./a", "https://example.com/a")]
    // IDN hosts become punycode
    [InlineData("https://뉴스.kr/", "https://xn--vg1b002a.kr/")]
    [InlineData("https://Bücher.example/", "https://xn--bcher-kva.example/")]
    // fragments
    [InlineData("https://example.com/a#comments", "https://example.com/a")]
    [InlineData("https://example.com/a?id=1#section", "https://example.com/a?id=1")]
    // trailing slash and path
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("https://example.com/a/", "https://example.com/a/")]
    [InlineData("https://example.com/a", "https://example.com/a")]
    [InlineData("https://example.com/a/../b/./c", "https://example.com/b/c")]
    // percent-encoding
    [InlineData("https://example.com/%7Euser", "https://example.com/~user")]
    [InlineData("https://example.com/a%2fb", "https://example.com/a%2Fb")]
    [InlineData("https://example.com/%ea%b8%b0%ec%82%ac", "https://example.com/%EA%B8%B0%EC%82%AC")]
    [InlineData("https://example.com/기사/1", "https://example.com/%EA%B8%B0%EC%82%AC/1")]
    [InlineData("https://example.com/s?q=한국", "https://example.com/s?q=%ED%95%9C%EA%B5%AD")]
    [InlineData("https://example.com/s?q=%41%42", "https://example.com/s?q=AB")]
    [InlineData("https://example.com/s?q=a+b", "https://example.com/s?q=a+b")]
    // tracking parameters go
    [InlineData("https://example.com/a?utm_source=x&utm_medium=y", "https://example.com/a")]
    [InlineData("https://example.com/a?UTM_Source=x&id=1", "https://example.com/a?id=1")]
    [InlineData("https://example.com/a?fbclid=IwAR0abc", "https://example.com/a")]
    [InlineData("https://example.com/a?gclid=x&dclid=y&msclkid=z", "https://example.com/a")]
    [InlineData("https://example.com/a?mc_cid=1&mc_eid=2", "https://example.com/a")]
    [InlineData("https://example.com/a?igshid=1&yclid=2&_ga=3", "https://example.com/a")]
    [InlineData("https://example.com/a?ref_src=twsrc%5Etfw", "https://example.com/a")]
    [InlineData("https://example.com/a?utm_source=a&ttclid=1&srsltid=x&id=5", "https://example.com/a?id=5")]
    // meaningful parameters stay, sorted
    [InlineData("https://www.portalnews.kr/news/articleView.html?idxno=130411&utm_campaign=rss", "https://www.portalnews.kr/news/articleView.html?idxno=130411")]
    [InlineData("https://example.com/a?ref=homepage", "https://example.com/a?ref=homepage")]
    [InlineData("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2")]
    [InlineData("https://example.com/a?a=2&a=1", "https://example.com/a?a=1&a=2")]
    [InlineData("https://example.com/a?page=2&gclid=x&cat=3", "https://example.com/a?cat=3&page=2")]
    [InlineData("https://example.com/a?a=1&&b=2&", "https://example.com/a?a=1&b=2")]
    [InlineData("https://example.com/a?", "https://example.com/a")]
    [InlineData("https://example.com/a?flag&x=1", "https://example.com/a?flag&x=1")]
    [InlineData("https://example.com/a?x=a=b", "https://example.com/a?x=a=b")]
    [InlineData("https://example.com/a?ids=2;1&b=1", "https://example.com/a?b=1&ids=2;1")]
    [InlineData("https://example.com/a b?q=x y", "https://example.com/a%20b?q=x%20y")]
    public void Canonical_form(string input, string expected) =>
        Assert.Equal(expected, UrlCanonicalizer.CanonicalString(new Uri(input)));

    [Theory]
    [InlineData("https://news.example.kr/news/articleView.html?idxno=7")]
    [InlineData("https://xn--vg1b002a.kr/%EA%B8%B0%EC%82%AC?a=1&b=2")]
    [InlineData("http://example.com:8080/a/")]
    public void A_canonical_url_is_its_own_canonical_form(string canonical) =>
        Assert.Equal(canonical, UrlCanonicalizer.CanonicalString(new Uri(UrlCanonicalizer.CanonicalString(new Uri(canonical)))));

    [Fact]
    public void Urls_that_are_not_http_are_left_alone()
    {
        var url = new Uri("mailto:desk@example.com");
        Assert.Same(url, UrlCanonicalizer.Canonicalize(url));
    }

    [Theory]
    [InlineData("utm_term", true)]
    [InlineData("fbclid", true)]
    [InlineData("idxno", false)]
    [InlineData("ref", false)]
    [InlineData("id", false)]
    public void Only_known_trackers_count_as_tracking_parameters(string name, bool tracking) =>
        Assert.Equal(tracking, UrlCanonicalizer.IsTrackingParameter(name));
}
