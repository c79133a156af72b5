using NewsFeedWorker.Benchmarks.Quality;

namespace NewsFeedWorker.IntegrationTests.Bench.Quality;

public sealed class BodyTokensTests
{
    [Fact]
    public void Words_are_lower_cased_unicode_word_runs()
    {
        Assert.Equal(["größe", "über", "2024", "état"], BodyTokens.Of("Größe: über 2024 — État!", bigrams: false));
    }

    [Fact]
    public void Korean_text_is_cut_into_character_bigrams_without_white_space()
    {
        Assert.Equal(["행정", "정안", "안전", "전부", "부는"], BodyTokens.Of("행정 안전부는", bigrams: true));
    }

    [Fact]
    public void Bigrams_are_used_for_chinese_japanese_and_korean_only()
    {
        Assert.True(BodyTokens.UsesBigrams("ko"));
        Assert.True(BodyTokens.UsesBigrams("ja"));
        Assert.True(BodyTokens.UsesBigrams("zh-cn"));
        Assert.False(BodyTokens.UsesBigrams("de"));
    }

    [Fact]
    public void F1_counts_each_token_as_often_as_it_occurs_on_both_sides()
    {
        // Ours: a a b c (4 tokens); truth: a b b d (4). Common: a once, b once = 2. P = 2/4, R = 2/4, F1 = 0.5.
        var score = BodyTokens.Score("a a b c", "a b b d", bigrams: false);
        Assert.Equal(0.5, score.Precision, 6);
        Assert.Equal(0.5, score.Recall, 6);
        Assert.Equal(0.5, score.F1, 6);
    }

    [Fact]
    public void Precision_and_recall_differ_when_one_side_holds_more()
    {
        // Ours: x y (2); truth: x y z w (4). Common 2: P = 1, R = 0.5, F1 = 2/3.
        var score = BodyTokens.Score("x y", "x y z w", bigrams: false);
        Assert.Equal(1.0, score.Precision, 6);
        Assert.Equal(0.5, score.Recall, 6);
        Assert.Equal(2.0 / 3, score.F1, 6);
    }

    [Fact]
    public void Nothing_extracted_scores_zero()
    {
        Assert.Equal(0, BodyTokens.Score(null, "some truth", bigrams: false).F1);
        Assert.Equal(0, BodyTokens.Score("", "some truth", bigrams: false).F1);
    }

    [Fact]
    public void Surplus_lists_the_tokens_one_side_has_beyond_the_other()
    {
        Assert.Equal([("a", 2), ("c", 1)], BodyTokens.Surplus("a a a b c", "a b", bigrams: false).ToList());
    }
}
