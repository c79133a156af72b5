using System.Text;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing.Content;

/// <summary>Furniture inside the chosen body that real pages' ground truths leave out of the article text.</summary>
public sealed class BodyCleanerTests
{
    private static readonly PageParser Parser = new();

    private static Article Parse(string bodyInside)
    {
        var html = $"""
            <html><head><title>Bills with a printing error</title><meta property="og:type" content="article"></head><body>
            <article><h1>Bills with a printing error</h1>
            <p>Two batches of one-dollar bills printed in 2014 and 2016 feature a printing error that collectors are now hunting for across the country.</p>
            {bodyInside}
            <p>Six million pairs of bills were circulated, but only nine pairs have been found so far, according to the collectors' association.</p>
            <p>The association expects more to turn up once people check their wallets, and says the rarest pairs could fetch thousands at auction.</p>
            </article></body></html>
            """;
        var result = Parser.Parse(Encoding.UTF8.GetBytes(html), Encoding.UTF8, new Uri("https://news.example.org/money/bills"), Some.Source(), Some.FetchedAt);
        Assert.True(result.Article is not null, result.NoArticleReason);
        return result.Article!;
    }

    [Fact]
    public void A_caption_or_credit_named_by_its_class_stays_in_the_html_but_not_in_the_text()
    {
        var article = Parse("""<div class="image"><img src="/bill.jpg" alt=""><div class="image-caption">A one-dollar bill</div><span class="photo-credit">Getty Images</span></div>""");

        Assert.DoesNotContain("A one-dollar bill", article.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("Getty Images", article.BodyText, StringComparison.Ordinal);
        Assert.Contains("A one-dollar bill", article.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_that_is_only_a_link_to_another_story_is_dropped()
    {
        var article = Parse("""<p>Read more: <a href="/other">Rare coins found in a kitchen jar sell for a fortune at auction</a></p>""");

        Assert.DoesNotContain("Rare coins", article.BodyText, StringComparison.Ordinal);
        Assert.Contains("only nine pairs have been found", article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_inside_a_sentence_keeps_its_paragraph()
    {
        var article = Parse("""<p>The error was first reported by <a href="/blog">a personal finance blog</a>, which listed the serial numbers to look for in detail.</p>""");

        Assert.Contains("The error was first reported by a personal finance blog", article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_line_inside_a_short_wrapper_of_blocks_goes_and_the_lead_beside_it_stays()
    {
        var article = Parse("""<div class="articlehead"><div class="lastchanged">Stand: 17.06.2025 18:24 Uhr</div><p class="preface">Collectors say the error pairs are rarer than any modern bill.</p></div>""");

        Assert.DoesNotContain("Stand", article.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("18:24", article.BodyText, StringComparison.Ordinal);
        Assert.Contains("Collectors say the error pairs are rarer than any modern bill.", article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_inside_a_short_sentence_keeps_its_sentence()
    {
        var article = Parse("<p>The second batch went out on 17.06.2016 at 18:24.</p>");

        Assert.Contains("The second batch went out on 17.06.2016 at 18:24.", article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_line_repeated_by_the_template_is_kept_once()
    {
        var article = Parse("<p>You can react to this article.</p><p>You can react to this article.</p><p>You can react to this article.</p>");

        Assert.Single(article.BodyText.Split("You can react to this article.")[1..]);
    }

    [Fact]
    public void An_author_box_after_the_story_is_dropped()
    {
        var article = Parse("""<div class="author-box"><p>Jane Doe</p><p>Jane has covered money and markets since 2010 and writes a weekly column.</p></div>""");

        Assert.DoesNotContain("weekly column", article.BodyText, StringComparison.Ordinal);
    }
}
