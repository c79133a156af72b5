using System.Text;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing.Generic;

/// <summary>Pages that declare an article, whose body scoring alone would miss: the article still reaches the feed.</summary>
public sealed class GenericExtractorDeclaredArticleTests
{
    private static readonly PageParser Parser = new();
    private static readonly Uri Url = new("https://news.example.org/2024/10/16/war-games");

    private static Article Parse(string html)
    {
        var result = Parser.Parse(Encoding.UTF8.GetBytes(html), Encoding.UTF8, Url, Some.Source(), Some.FetchedAt);
        Assert.True(result.Article is not null, result.NoArticleReason);
        return result.Article!;
    }

    private const string Head = """
        <head><title>War games begin | The Daily Example</title>
        <meta property="og:type" content="article">
        <meta property="og:title" content="War games begin after drills">
        <meta property="og:description" content="Thousands of troops launched joint exercises yesterday.">
        <meta property="article:published_time" content="2024-10-16T08:00:00+08:00">
        <meta name="author" content="Ana Santos"></head>
        """;

    [Fact]
    public void A_body_laid_out_in_a_list_item_is_found()
    {
        var article = Parse($"""
            <html>{Head}<body><div class="page"><ul><li id="main"><div class="archives">
            <h1>War games begin after drills</h1>
            <p>Thousands of US and Filipino troops yesterday launched joint exercises in the northern and western Philippines, after large drills nearby.</p>
            <p>The annual exercises are focused on defending the north coast of the main island, which lies several hundred kilometers away.</p>
            <p>About 1,000 troops take part, a spokesman said, adding that the exercises would last two weeks and include live fire at sea.</p>
            </div></li><li class="side"><a href="/a">Other story one</a></li></ul></div></body></html>
            """);

        Assert.StartsWith("Thousands of US and Filipino troops", article.BodyText, StringComparison.Ordinal);
        Assert.Contains("live fire at sea", article.BodyText, StringComparison.Ordinal);
        Assert.Equal("War games begin after drills", article.Title);
    }

    [Fact]
    public void A_declared_article_without_a_scored_body_keeps_its_title_date_and_author()
    {
        // Only a script renders the text; the page's metadata says what it is.
        var article = Parse($"""<html>{Head}<body><div id="app"></div><script>render()</script></body></html>""");

        Assert.Equal("War games begin after drills", article.Title);
        Assert.Equal(new DateTimeOffset(2024, 10, 16, 8, 0, 0, TimeSpan.FromHours(8)).UtcDateTime, article.Published?.UtcDateTime);
        Assert.Equal("Ana Santos", article.Author);
        Assert.Equal("Thousands of troops launched joint exercises yesterday.", article.BodyText);
    }

    [Fact]
    public void A_page_that_reached_its_footer_is_whole_even_without_closing_its_body()
    {
        var article = Parse($"""
            <html>{Head}<body><article><h1>War games begin after drills</h1>
            <p>Thousands of US and Filipino troops yesterday launched joint exercises in the northern and western Philippines, after large drills nearby.</p>
            <p>The annual exercises are focused on defending the north coast of the main island, which lies several hundred kilometers away.</p>
            </article><div id="footer">© The Daily Example</div>
            """);

        Assert.Contains("north coast of the main island", article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_and_reading_time_lines_stay_out_of_the_body()
    {
        var article = Parse($"""
            <html>{Head}<body><article><h1>War games begin after drills</h1>
            <p class="meta">Published: 08:00 CST, 16 October 2024 | Updated: 09:12 CST, 16 October 2024</p>
            <span>3 min read</span>
            <p>Thousands of US and Filipino troops yesterday launched joint exercises in the northern and western Philippines, after large drills nearby.</p>
            <p>The annual exercises are focused on defending the north coast of the main island, which lies several hundred kilometers away.</p>
            <p>On 16 October 2024 the first ships left port, a spokesman said.</p>
            </article></body></html>
            """);

        Assert.DoesNotContain("Published", article.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("min read", article.BodyText, StringComparison.Ordinal);
        Assert.Contains("On 16 October 2024 the first ships left port", article.BodyText, StringComparison.Ordinal);
    }
}
