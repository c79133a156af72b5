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

    // The feed id of a known article, end to end: stored id to published IRI (written by hand from the value above).
    [Fact]
    public void A_known_article_keeps_its_feed_id() =>
        Assert.Equal(
            "urn:uuid:181d9182-57dc-5e9d-92b0-80c16689c887",
            StableId.ToIri(StableId.ForArticle("portal", "https://news.example.kr/news/articleView.html?idxno=130411")));

    [Fact]
    public void A_uuid_becomes_a_urn_uuid()
        => Assert.Equal("urn:uuid:5b0b5a0c-7f51-4d56-9a8e-2c3f1d6b9e01", StableId.ToIri("5B0B5A0C7F514D569A8E2C3F1D6B9E01"));

    [Theory]
    [InlineData("tag:portalnews.example,2025:1001")]
    [InlineData("urn:sha1:abc")]
    public void Iris_are_kept(string id) => Assert.Equal(id, StableId.ToIri(id));

    // Expected value from Python's uuid.uuid5 over the same namespace and name.
    [Fact]
    public void Other_ids_become_the_same_name_based_uuid_every_time()
    {
        var first = StableId.ToIri("portalnews:1001");

        Assert.Equal("urn:uuid:7736c27a-7175-51e5-b361-406603987a42", first);
        Assert.Equal(first, StableId.ToIri("portalnews:1001"));
        Assert.NotEqual(first, StableId.ToIri("portalnews:1002"));
    }
}
