using System.Text;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>Broken pages give "no article" with a reason, never an exception or a garbage item.</summary>
public sealed class PageParserBadInputTests
{
    private static readonly PageParser Parser = new();

    private static PageParseResult Parse(byte[] body, bool generic) =>
        Parser.Parse(body, Encoding.UTF8, Some.Article(1001), generic ? Some.Source() : Some.Configured, Some.FetchedAt);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_empty_body_gives_no_article(bool generic)
    {
        var result = Parse([], generic);
        Assert.Null(result.Article);
        Assert.Equal("no article: the body is empty", result.NoArticleReason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_binary_body_gives_no_article(bool generic)
    {
        var bytes = new byte[64 * 1024];
        new Random(42).NextBytes(bytes);
        "\u0089PNG\r\n\u001a\n"u8.CopyTo(bytes);

        var result = Parse(bytes, generic);

        Assert.Null(result.Article);
        Assert.Equal("no article: the body is binary, not HTML", result.NoArticleReason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_truncated_page_gives_no_article(bool generic)
    {
        var page = Some.SamplePage("article-1001.html");
        var result = Parse(page[..(page.Length * 2 / 3)], generic);

        Assert.Null(result.Article);
        Assert.Contains("truncated", result.NoArticleReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("div", false)]
    [InlineData("div", true)]
    [InlineData("span", true)]
    [InlineData("blockquote", true)]
    public void Ten_thousand_levels_of_nesting_give_no_article(string tag, bool generic)
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 10_000; i++)
        {
            html.Append('<').Append(tag).Append("><b>x");
        }

        var result = Parse(Encoding.UTF8.GetBytes(html.Append("</body></html>").ToString()), generic);

        // Refused on the page text, before the tree builder (whose cost grows faster than the depth) ever sees it.
        Assert.Null(result.Article);
        Assert.Equal("too complex: markup nested deeper than 1,000 levels", result.NoArticleReason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ten_thousand_nested_tables_give_no_article(bool generic)
    {
        // The HTML parser closes tables and fosters content out of them, so this soup is flat, not deep: it still holds no article.
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 10_000; i++)
        {
            html.Append("<table><tr><td><b>x");
        }

        var result = Parse(Encoding.UTF8.GetBytes(html.Append("</body></html>").ToString()), generic);

        Assert.Null(result.Article);
        Assert.Matches("^(no article|too complex): ", result.NoArticleReason);
    }

    [Fact]
    public void Invalid_bytes_with_a_strict_decoder_are_replaced_not_thrown()
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var page = Some.SamplePage("article-1001.html");
        page[page.Length / 2] = 0xFF;

        var result = Parser.Parse(page, strict, Some.Article(1001), Some.Configured, Some.FetchedAt);

        Assert.Equal("행정안전부, '제8회 전자정부의 날' 기념행사 개최, AI시대 공공AX 본격화 논의", result.Article!.Title);
    }

    [Fact]
    public void Tag_soup_without_an_article_gives_no_article()
    {
        const string soup = "<html><body><p><b><i>짧은</b> 텍스트</p></i><table><td>셀<tr><div>끝</body></html>";
        var result = Parse(Encoding.UTF8.GetBytes(soup), generic: false);

        Assert.Null(result.Article);
        Assert.NotNull(result.NoArticleReason);
    }

    [Fact]
    public void Invalid_operator_selectors_are_errors_not_exceptions()
    {
        var source = Some.Source(Some.PortalNewsSelectors with { Title = "h3[[", Remove = ["::nope("] }, Some.PortalNewsWeather with { Container = "ul>>" });

        var result = Parser.Parse(Some.SamplePage("article-1001.html"), Encoding.UTF8, Some.Article(1001), source, Some.FetchedAt);

        Assert.Contains("title: selector 'h3[[' is not valid CSS", result.Errors);
        Assert.Contains("remove: selector '::nope(' is not valid CSS", result.Errors);
        Assert.Contains("weather.container: selector 'ul>>' is not valid CSS", result.Errors);
        Assert.Equal(16, Assert.Single(result.Weather).Readings.Count);
    }
}
