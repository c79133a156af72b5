using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Tests.Parsing.Content;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("  제목 \n\t 부제  ", "제목 부제")]
    [InlineData("\u00A0입력\u200B2025.11.08\uFEFF", "입력 2025.11.08")]
    [InlineData("a  b", "a b")]
    [InlineData("a\nb", "a b")]
    [InlineData("a b", "a b")]
    public void White_space_runs_collapse_to_one_space_and_the_ends_are_trimmed(string text, string expected)
        => Assert.Equal(expected, TextNormalizer.Clean(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t\u00A0\u200B ")]
    public void Blank_text_gives_null(string? text) => Assert.Null(TextNormalizer.Clean(text));

    [Fact]
    public void Clean_text_is_returned_as_it_is_without_a_copy()
    {
        var text = "행정안전부는 지능정보화책임관 협의회를 열었다.";
        Assert.Same(text, TextNormalizer.Clean(text));
    }

    [Fact]
    public void Long_text_is_collapsed_the_same_way_as_short_text()
    {
        var words = Enumerable.Range(0, 400).Select(i => $"단어{i}").ToList();
        var messy = "\n  " + string.Join(" \n\t ", words) + "   ";

        Assert.Equal(string.Join(' ', words), TextNormalizer.Clean(messy));
    }

    [Fact]
    public void Collapsing_in_place_writes_what_clean_returns()
    {
        const string messy = "\n  제목 \u00A0\t 부제\u200B  끝 ";
        var buffer = messy.ToCharArray();

        var length = TextNormalizer.Collapse(buffer, buffer);

        Assert.Equal("제목 부제 끝", new string(buffer, 0, length));
    }
}
