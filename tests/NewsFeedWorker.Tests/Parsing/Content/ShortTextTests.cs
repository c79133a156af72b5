using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Tests.Parsing.Content;

public sealed class ShortTextTests
{
    [Fact]
    public void An_elements_text_is_collapsed_as_clean_collapses_its_text_content()
    {
        var paragraph = HtmlLoader.Parse("<p>\n  홍길동 <b>기자</b>\n\t 입력 2025.06.25 </p>").QuerySelector("p")!;

        Assert.Equal("홍길동 기자 입력 2025.06.25", ShortText.Of(paragraph, 100, out var tooLong));
        Assert.False(tooLong);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_reported_instead_of_built()
    {
        var paragraph = HtmlLoader.Parse("<p>" + new string('가', 50) + "</p>").QuerySelector("p")!;

        Assert.Null(ShortText.Of(paragraph, 40, out var tooLong));
        Assert.True(tooLong);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Only_characters_that_are_not_white_space_count_towards_the_length(int count, bool expected)
    {
        var element = HtmlLoader.Parse("<div>\n a <b> b\u00A0 c</b>\n\n   <i>d</i>   </div>").QuerySelector("div")!;

        Assert.Equal(expected, ShortText.HasMoreThan(element, count));
    }
}
