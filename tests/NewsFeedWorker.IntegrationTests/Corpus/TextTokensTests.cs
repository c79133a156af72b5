namespace NewsFeedWorker.IntegrationTests.Corpus;

public sealed class TextTokensTests
{
    [Fact]
    public void Han_and_kana_characters_are_tokens_of_their_own_while_hangul_words_stay_whole()
    {
        Assert.Equal(["今", "日", "は", "晴", "れ", "abc", "정부는", "발표했다."], TextTokens.Tokenize("今日は晴れ ABC 정부는  발표했다."));
    }

    [Fact]
    public void F1_is_one_for_identical_texts_and_reflects_partial_overlap()
    {
        Assert.Equal(1.0, TextTokens.F1("a b c d", "a  b\nc d"));
        Assert.Equal(0.0, TextTokens.F1("a b", "c d"));

        // 2 of 4 expected tokens found, 2 of 2 extracted tokens right: P = 1, R = 0.5.
        Assert.Equal(2 * 1 * 0.5 / 1.5, TextTokens.F1("a b c d", "a b"), 9);
    }

    [Fact]
    public void Repeated_tokens_only_match_as_often_as_they_are_expected()
    {
        // Expected has one "x"; the three extracted "x" give one match: P = 1/3, R = 1.
        Assert.Equal(2 * (1.0 / 3) / (1 + (1.0 / 3)), TextTokens.F1("x", "x x x"), 9);
    }

    [Theory]
    [InlineData("2025-11-08T05:30:00Z", "2025-11-08T14:30:00+09:00", true)]
    [InlineData("2025-11-08T05:30:00Z", "2025-11-08T05:31:00Z", false)]
    [InlineData("2024-06-25", "2024-06-25T10:00:00-07:00", true)]
    [InlineData("2024-06-25T10:00:00Z", "2024-06-26", false)]
    [InlineData("2024-06-25T10:00:00Z", null, false)]
    [InlineData("2024-06-25T10:00:00Z", "not a date", false)]
    public void Dates_match_on_the_same_instant_or_the_same_day_when_one_side_has_no_time(string expected, string? actual, bool matches)
    {
        Assert.Equal(matches, CorpusEvaluator.SameDate(expected, actual));
    }
}
