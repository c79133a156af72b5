using NewsFeedWorker.Topics;

namespace NewsFeedWorker.Tests.Topics;

public sealed class KeywordSearchTests
{
    [Theory]
    [InlineData("행정안전부는 8일 발표했다", "행정안전부", 0)]
    [InlineData("이번 발표에서 행정안전부가 밝혔다", "행정안전부", 8)]
    [InlineData("행정안전부장관이 말했다", "행정안전부", 0)]
    [InlineData("생성형AI 도입", "AI", 3)]
    [InlineData("AI가 바꾼다", "ai", 0)]
    [InlineData("the (AI) act", "AI", 5)]
    [InlineData("[포토] 가을 풍경", "[포토]", 0)]
    public void A_keyword_is_found_at_a_word_start_whatever_particles_follow(string text, string keyword, int expected)
    {
        Assert.Equal(expected, KeywordSearch.IndexOf(text, keyword));
    }

    [Theory]
    [InlineData("전행정안전부 장관", "행정안전부")]
    [InlineData("he SAID so", "AI")]
    [InlineData("AIR quality", "AI")]
    [InlineData("안전", "행정안전부")]
    public void A_keyword_inside_another_word_is_not_a_match(string text, string keyword)
    {
        Assert.Equal(-1, KeywordSearch.IndexOf(text, keyword));
    }

    [Fact]
    public void A_later_occurrence_at_a_word_start_is_found_after_one_inside_a_word()
    {
        Assert.Equal(10, KeywordSearch.IndexOf("SAID that AI is", "AI"));
    }
}
