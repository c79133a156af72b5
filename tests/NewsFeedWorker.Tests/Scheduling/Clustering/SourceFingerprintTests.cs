using NewsFeedWorker.Scheduling.Clustering;

namespace NewsFeedWorker.Tests.Scheduling.Clustering;

public sealed class SourceFingerprintTests
{
    [Fact]
    public void Equal_definitions_have_the_same_fingerprint()
    {
        Assert.Equal(SourceFingerprint.Of(Some.Source("alpha")), SourceFingerprint.Of(Some.Source("alpha")));
        Assert.Matches("^[0-9a-f]{16}$", SourceFingerprint.Of(Some.Source("alpha")));
    }

    [Fact]
    public void Any_change_to_a_definition_changes_the_fingerprint()
    {
        var original = Some.Source("alpha");

        Assert.NotEqual(SourceFingerprint.Of(original), SourceFingerprint.Of(original with { Schedule = "0 0 4 * * ?" }));
        Assert.NotEqual(SourceFingerprint.Of(original), SourceFingerprint.Of(original with { Categories = ["지역"] }));
        Assert.NotEqual(SourceFingerprint.Of(original), SourceFingerprint.Of(original with { ArticleLinks = new() { MaxArticles = 5 } }));
    }
}
