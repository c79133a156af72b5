using AngleSharp.Html.Parser;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Tests.Parsing.Content;

public sealed class PlainTextTests
{
    private static string Text(string html) =>
        PlainText.From(new HtmlParser().ParseDocument($"<html><body><div id=root>{html}</div></body></html>").GetElementById("root")!);

    [Theory]
    [InlineData("<p>하나</p><p>둘</p>", "하나\n\n둘")]
    [InlineData("하나<br>둘", "하나\n둘")]
    [InlineData("하나<br><br>둘<br/><br/><br/>셋", "하나\n\n둘\n\n셋")]
    [InlineData("<ul><li>하나</li><li>둘</li></ul><p>셋</p>", "하나\n둘\n\n셋")]
    [InlineData("<p>  여러   칸의\n  공백 </p>", "여러 칸의 공백")]
    [InlineData("<p><b>굵게</b>와 <a href=#>링크</a></p>", "굵게와 링크")]
    [InlineData("<p>&nbsp;</p><p>본문</p><p>&nbsp;</p>", "본문")]
    public void Blocks_become_paragraphs_and_breaks_become_lines(string html, string expected)
        => Assert.Equal(expected, Text(html));
}
