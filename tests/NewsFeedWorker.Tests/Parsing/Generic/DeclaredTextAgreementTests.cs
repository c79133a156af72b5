using System.Text;
using System.Text.Json;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing.Generic;

/// <summary>
/// The chosen body against the article text the page declares in its JSON-LD: blocks the declared text does not
/// support leave the body when the two agree on the rest, and nothing moves when the declared text is only a teaser.
/// </summary>
public sealed class DeclaredTextAgreementTests
{
    private static readonly PageParser Parser = new();

    private static readonly string[] Story =
    [
        "The council met on Tuesday evening and heard evidence from residents, engineers and the port authority about the state of the old sea wall.",
        "Engineers said the wall, which dates from the nineteenth century, lost a stretch of its stones in the summer storm and must be repaired before winter.",
        "Repairs Will Start In October",
        "The work is expected to cost four million euros, and the town will publish the tender for the building firms this week.",
        "Residents asked for the promenade on the wall to stay open at weekends while the work goes on, and the council agreed to look into it.",
    ];

    private static string Page(string declared, string extraBlocks) => $$"""
        <html lang="en"><head><title>Sea wall to be repaired before winter</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Sea wall to be repaired before winter","datePublished":"2024-05-03T10:00:00+02:00","articleBody":{{JsonSerializer.Serialize(declared)}}}</script>
        </head><body>
        <nav><a href="/">Home</a> <a href="/local">Local</a></nav>
        <article>
        <h1>Sea wall to be repaired before winter</h1>
        <p>{{Story[0]}}</p>
        <p>{{Story[1]}}</p>
        <div><p>Like the day summed up? Subscribe to our free daily newsletter, which arrives in your inbox every morning at six.</p></div>
        <h2>{{Story[2]}}</h2>
        <p>{{Story[3]}}</p>
        {{extraBlocks}}
        <p>{{Story[4]}}</p>
        <p>Follow our newsroom on WhatsApp, Instagram and Facebook too.</p>
        </article>
        <footer>© Harbour Times</footer>
        </body></html>
        """;

    private static Article Parse(string html) =>
        Parser.Parse(Encoding.UTF8.GetBytes(html), Encoding.UTF8, new Uri("https://harbour.example/local/2024/05/03/sea-wall"), Some.Source(), Some.FetchedAt).Article
        ?? throw new InvalidOperationException("no article");

    [Fact]
    public void Promotions_the_declared_text_lacks_leave_the_body_and_the_story_keeps_its_subheading()
    {
        var article = Parse(Page(string.Join("\n\n", Story), extraBlocks: ""));

        Assert.Equal(string.Join("\n\n", Story), article.BodyText);
        Assert.Contains("<h2>Repairs Will Start In October</h2>", article.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<div></div>", article.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_quotes_and_embedded_posts_stay_although_the_declared_text_leaves_them_out()
    {
        var extra = """
            <figure><img src="/img/wall.jpg" alt=""><figcaption>The damaged stretch of the wall near the ferry pier.</figcaption></figure>
            <blockquote><p>We have waited for this repair for twenty years, said one fisherman.</p></blockquote>
            <div class="tweet-embed"><p>Storm damage at the harbour tonight, stay away from the pier! — Coastguard (@coastguard)</p></div>
            """;

        var article = Parse(Page(string.Join("\n\n", Story), extra));

        Assert.Contains("We have waited for this repair for twenty years", article.BodyText, StringComparison.Ordinal);
        Assert.Contains("stay away from the pier", article.BodyText, StringComparison.Ordinal);
        Assert.Contains("The damaged stretch of the wall near the ferry pier.", article.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("newsletter", article.BodyText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_declared_teaser_covering_only_the_opening_leaves_the_body_as_chosen()
    {
        var article = Parse(Page(Story[0], extraBlocks: ""));

        Assert.Contains("Subscribe to our free daily newsletter", article.BodyText, StringComparison.Ordinal);
        Assert.Contains(Story[4], article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_text_missing_part_of_the_story_leaves_the_body_as_chosen()
    {
        // Paywalled data: the declared text stops after the subheading, so it is not the whole article.
        var article = Parse(Page(string.Join("\n\n", Story[..3]), extraBlocks: ""));

        Assert.Contains(Story[3], article.BodyText, StringComparison.Ordinal);
        Assert.Contains("Follow our newsroom on WhatsApp", article.BodyText, StringComparison.Ordinal);
    }
}
