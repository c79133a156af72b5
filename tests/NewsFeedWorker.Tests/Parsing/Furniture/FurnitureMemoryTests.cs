using System.Text;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Furniture;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Parsing.Furniture;

public sealed class FurnitureMemoryTests
{
    private readonly PageParser parser = new();

    [Fact]
    public void A_subscription_note_and_reporter_box_on_three_earlier_pages_are_left_out_of_the_fourth()
    {
        var ledger = Learn(FurnitureSite.Source(), 1, 2, 3);

        var fourth = Parse(4, ledger, FurnitureSite.Source());
        var unaided = Parse(4, new FurnitureLedger(), FurnitureSite.Source());

        Assert.Contains(FurnitureSite.SubscriptionNote, unaided.BodyText, StringComparison.Ordinal);
        Assert.Contains(FurnitureSite.ReporterBox, unaided.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("five dollars a month", fourth.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria Jensen", fourth.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("five dollars a month", fourth.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria Jensen", fourth.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("The city library reopens after a renovation", fourth.BodyText, StringComparison.Ordinal);
        Assert.Contains("Volunteers will fix lamps and bicycles on Saturdays", fourth.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_earlier_pages_are_not_enough_to_call_a_block_furniture()
    {
        var ledger = Learn(FurnitureSite.Source(), 1, 2);

        var third = Parse(3, ledger, FurnitureSite.Source());

        Assert.Contains(FurnitureSite.SubscriptionNote, third.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_that_one_earlier_page_also_printed_is_kept()
    {
        const string Quote = "\"We will not let the river decide for us,\" the harbour master told the council.";
        var ledger = new FurnitureLedger();
        Record(ledger, 1, FurnitureSite.Source(), Quote);
        Record(ledger, 2, FurnitureSite.Source());
        Record(ledger, 3, FurnitureSite.Source());

        var fourth = Parse(4, ledger, FurnitureSite.Source(), Quote);

        Assert.Contains(Quote, fourth.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(FurnitureSite.SubscriptionNote, fourth.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_made_mostly_of_known_furniture_is_kept_whole()
    {
        var configured = FurnitureSite.Source(new ArticleSelectors { Body = ".story-body", Title = "h1" });
        var ledger = Learn(configured, 1, 2, 3);
        var page = Encoding.UTF8.GetBytes($"""
            <!doctype html><html lang="en"><head><title>Short note | Riverside Courier</title></head><body><main><article>
            <h1>Short note</h1><div class="story-body"><p>The ferry runs late today because of fog on the river.</p>
            <p class="note"><strong>{FurnitureSite.SubscriptionNote}</strong></p><div class="box"><p>{FurnitureSite.ReporterBox}</p></div>
            </div></article></main></body></html>
            """);

        var result = parser.Parse(page, Encoding.UTF8, FurnitureSite.Url(9), configured, FurnitureSite.FetchedAt, ledger.MemoryFor(FurnitureSite.Url(9)), CancellationToken.None);

        var article = Assert.IsType<Article>(result.Article);
        Assert.Contains("The ferry runs late today because of fog on the river.", article.BodyText, StringComparison.Ordinal);
        Assert.Contains(FurnitureSite.SubscriptionNote, article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_body_selector_loses_the_furniture_too()
    {
        var configured = FurnitureSite.Source(new ArticleSelectors { Body = ".story-body", Title = "h1" });
        var ledger = Learn(configured, 1, 2, 3);

        var fourth = Parse(4, ledger, configured);

        Assert.Equal(ExtractionMethod.Selector, fourth.Methods["body"]);
        Assert.DoesNotContain("Maria Jensen", fourth.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("five dollars a month", fourth.BodyText, StringComparison.Ordinal);
        Assert.Contains("The city library reopens", fourth.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_read_again_does_not_count_as_another_page()
    {
        var ledger = Learn(FurnitureSite.Source(), 1, 2);
        Record(ledger, 2, FurnitureSite.Source());
        Record(ledger, 2, FurnitureSite.Source());

        Assert.Equal(2, ledger.PageCount);
        Assert.Contains(FurnitureSite.SubscriptionNote, Parse(3, ledger, FurnitureSite.Source()).BodyText, StringComparison.Ordinal);
        // Page 1 itself: its own earlier reading is not another page either.
        Record(ledger, 3, FurnitureSite.Source());
        Assert.Contains(FurnitureSite.SubscriptionNote, Parse(1, ledger, FurnitureSite.Source()).BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(FurnitureSite.SubscriptionNote, Parse(4, ledger, FurnitureSite.Source()).BodyText, StringComparison.Ordinal);
    }

    private FurnitureLedger Learn(SourceDefinition source, params int[] pages)
    {
        var ledger = new FurnitureLedger();
        foreach (var page in pages)
        {
            Record(ledger, page, source);
        }

        return ledger;
    }

    private void Record(FurnitureLedger ledger, int page, SourceDefinition source, params string[] extra)
    {
        var result = parser.Parse(FurnitureSite.Page(page, extra), Encoding.UTF8, FurnitureSite.Url(page), source, FurnitureSite.FetchedAt, ledger.MemoryFor(FurnitureSite.Url(page)), CancellationToken.None);
        Assert.NotNull(result.Article);
        ledger.Record(FurnitureSite.Url(page), result.BodyBlocks);
    }

    private Article Parse(int page, FurnitureLedger ledger, SourceDefinition source, params string[] extra)
    {
        var result = parser.Parse(FurnitureSite.Page(page, extra), Encoding.UTF8, FurnitureSite.Url(page), source, FurnitureSite.FetchedAt, ledger.MemoryFor(FurnitureSite.Url(page)), CancellationToken.None);
        return Assert.IsType<Article>(result.Article);
    }
}
