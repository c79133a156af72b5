using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Tests.Storage;

public sealed class CategorySlugTests
{
    [Theory]
    [InlineData("IT/과학", "it-과학")]
    [InlineData("경제 핫이슈", "경제-핫이슈")]
    [InlineData("  Politics & World ", "politics-world")]
    [InlineData("사회", "사회")]
    public void Slug_keeps_letters_and_joins_the_rest_with_one_dash(string category, string expected)
        => Assert.Equal(expected, CategorySlug.From(category));
}
