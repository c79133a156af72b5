using NewsFeedWorker.Publishing;

namespace NewsFeedWorker.Tests.Publishing;

public sealed class StableIdTests
{
    [Fact]
    public void A_uuid_becomes_a_urn_uuid()
        => Assert.Equal("urn:uuid:5b0b5a0c-7f51-4d56-9a8e-2c3f1d6b9e01", StableId.ToIri("5B0B5A0C7F514D569A8E2C3F1D6B9E01"));

    [Theory]
    [InlineData("tag:portalnews.example,2025:1001")]
    [InlineData("urn:sha1:abc")]
    public void Iris_are_kept(string id) => Assert.Equal(id, StableId.ToIri(id));

    [Fact]
    public void Other_ids_become_the_same_name_based_uuid_every_time()
    {
        var first = StableId.ToIri("portalnews:1001");

        Assert.Equal(first, StableId.ToIri("portalnews:1001"));
        Assert.NotEqual(first, StableId.ToIri("portalnews:1002"));
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", first);
    }
}
