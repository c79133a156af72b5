using NewsFeedWorker.Dedupe;

namespace NewsFeedWorker.Tests.Dedupe;

public sealed class StableIdTests
{
    [Fact]
    public void Matches_the_rfc_9562_version_5_test_vector()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), StableId.Create(dns, "www.example.com"));
    }

    // Expected values computed independently with Python's uuid.uuid5 over the same namespace and name.
    // They are feed GUIDs readers already hold: if this test fails, every subscriber sees every item again.
    [Theory]
    [InlineData("portal", "https://news.example.kr/news/articleView.html?idxno=130411", "181d9182-57dc-5e9d-92b0-80c16689c887")]
    [InlineData("포탈", "https://뉴스.kr/기사", "54f3abe1-5936-5e69-a528-c6d6963c62ef")]
    public void Article_ids_never_change(string sourceId, string canonicalUrl, string expected) =>
        Assert.Equal(expected, StableId.ForArticle(sourceId, canonicalUrl));

    [Fact]
    public void Article_ids_are_version_5_and_differ_per_source_and_url()
    {
        var a = StableId.ForArticle("a", "https://x.kr/1");
        Assert.Equal(5, StableId.VersionOf(Guid.Parse(a)));
        Assert.NotEqual(a, StableId.ForArticle("b", "https://x.kr/1"));
        Assert.NotEqual(a, StableId.ForArticle("a", "https://x.kr/2"));
        Assert.Equal(a, StableId.ForArticle("a", "https://x.kr/1"));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", a);
    }
}
