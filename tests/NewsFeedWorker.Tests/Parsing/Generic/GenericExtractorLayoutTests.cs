using System.Text;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing.Generic;

/// <summary>Body layouts that Readability-style scoring alone cuts short: like blocks in a run, React's streamed segments.</summary>
public sealed class GenericExtractorLayoutTests
{
    private static readonly PageParser Parser = new();

    private static Article Parse(string body)
    {
        var html = $"""
            <html lang="de"><head><title>Bratwurst und Tierhalter</title><meta property="og:type" content="article"></head>
            <body><header><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav></header>{body}
            <footer>Impressum · Datenschutz</footer></body></html>
            """;
        var result = Parser.Parse(Encoding.UTF8.GetBytes(html), Encoding.UTF8, new Uri("https://news.example.de/2023/04/28/bratwurst"), Some.Source(), Some.FetchedAt);
        Assert.True(result.Article is not null, result.NoArticleReason);
        return result.Article!;
    }

    [Fact]
    public void A_body_written_as_a_run_of_like_blocks_is_taken_whole_without_the_blocks_between()
    {
        var article = Parse("""
            <div class="modCon">
              <div class="mod paragraph"><p>Thüringer Tierhalter sollen künftig weniger für die Entsorgung von Kadavern zahlen, kündigte das Gesundheitsministerium am Freitag in Erfurt an.</p></div>
              <div class="mod teaser"><a href="/x">Mehr zum Thema</a></div>
              <div class="mod paragraph"><p>Bisher mussten die Tierhalter zwei Drittel der Kosten übernehmen, den Rest teilten sich das Land und die Tierseuchenkasse zu gleichen Teilen.</p>
                <p>Sollte die Änderung beschlossen werden, sollen die Mittel dafür laut Ministerium aus dem Landeshaushalt ab dem Jahr 2024 kommen.</p></div>
              <div class="mod image"><img src="/a.jpg" alt=""></div>
              <div class="mod paragraph"><p>Ein Fleischer aus Holland erzählt, wie er seit Jahren Thüringer Bratwurst herstellt und dafür Arbeiter aus drei Ländern beschäftigt.</p></div>
            </div>
            """);

        Assert.StartsWith("Thüringer Tierhalter sollen künftig", article.BodyText, StringComparison.Ordinal);
        Assert.Contains("Landeshaushalt ab dem Jahr 2024", article.BodyText, StringComparison.Ordinal);
        Assert.EndsWith("Arbeiter aus drei Ländern beschäftigt.", article.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("Mehr zum Thema", article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_streamed_in_a_hidden_segment_that_a_script_moves_into_place_is_read()
    {
        var article = Parse("""
            <main><h1>Bratwurst und Tierhalter</h1><template id="P:1"></template></main>
            <div hidden id="S:1"><div class="prose">
              <p>Thüringer Tierhalter sollen künftig weniger für die Entsorgung von Kadavern zahlen, kündigte das Gesundheitsministerium am Freitag in Erfurt an.</p>
              <p>Bisher mussten die Tierhalter zwei Drittel der Kosten übernehmen, den Rest teilten sich das Land und die Tierseuchenkasse zu gleichen Teilen.</p>
              <p>Sollte die Änderung beschlossen werden, sollen die Mittel dafür laut Ministerium aus dem Landeshaushalt ab dem Jahr 2024 kommen.</p>
            </div></div>
            <script>$RC("B:1","S:1")</script>
            """);

        Assert.StartsWith("Thüringer Tierhalter sollen künftig", article.BodyText, StringComparison.Ordinal);
        Assert.Contains("Landeshaushalt ab dem Jahr 2024", article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_hidden_block_stays_out()
    {
        var article = Parse("""
            <article><h1>Bratwurst und Tierhalter</h1>
              <p>Thüringer Tierhalter sollen künftig weniger für die Entsorgung von Kadavern zahlen, kündigte das Gesundheitsministerium am Freitag in Erfurt an.</p>
              <div hidden><p>Dieser Hinweis erscheint nur für Abonnenten, die ihre Einwilligung zur Datenverarbeitung noch nicht gegeben haben.</p></div>
              <p>Bisher mussten die Tierhalter zwei Drittel der Kosten übernehmen, den Rest teilten sich das Land und die Tierseuchenkasse zu gleichen Teilen.</p>
            </article>
            """);

        Assert.DoesNotContain("Abonnenten", article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_consent_layer_with_more_text_than_the_story_is_never_chosen()
    {
        var consent = string.Concat(Enumerable.Repeat(
            "<p>Für die Weiterentwicklung und Finanzierung unseres Angebotes erheben und verarbeiten wir und unsere Partner Daten, auch mit Cookies und Tracking.</p>", 6));
        var article = Parse($"""
            <div class="modal fade" id="cmp-modal"><div class="modal-dialog"><div class="modal-content"><h3>Willkommen!</h3>{consent}</div></div></div>
            <div class="article-content">
              <p>Das nächste große Vorstellungsereignis des Herstellers soll in diesem Jahr früher stattfinden als gewohnt, berichtet ein Fachportal.</p>
              <p>Demnach könnten die neuen Geräte schon im Juli gezeigt werden, zwei Wochen vor dem bisher üblichen Termin im August.</p>
            </div>
            """);

        Assert.StartsWith("Das nächste große Vorstellungsereignis", article.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("Cookies", article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_of_divs_whose_text_sits_only_in_styled_spans_is_read_whole()
    {
        // What a rich-text editor writes: no <p>, each line a div, every run wrapped in a span that carries a style.
        var article = Parse("""
            <h1 class="post-title">Bratwurst und Tierhalter</h1>
            <div class="post-body">
              <div style="text-align: justify;"><span style="font-family: Arial;"><span style="font-size: small;">Thüringer Tierhalter sollen künftig weniger für die Entsorgung von Kadavern zahlen, kündigte das Ministerium an. <br></span></span></div>
              <div style="text-align: center;"><span style="font-family: Arial;"><img src="/a.jpg" alt=""></span></div>
              <div><span style="font-family: Arial;"><span style="font-size: small;">Bisher mussten die Tierhalter zwei Drittel der Kosten übernehmen, den Rest teilten sich das Land und die Tierseuchenkasse zu gleichen Teilen, wie es seit vielen Jahren üblich war.</span></span></div>
              <div><span style="font-family: Arial;"><span style="font-size: small;"> </span></span></div>
              <div><span style="font-family: Arial;"><span style="font-size: small;">Sollte die Änderung beschlossen werden, sollen die Mittel dafür laut Ministerium aus dem Landeshaushalt kommen, und zwar schon ab dem Jahr 2024 und für alle Betriebe im Land.</span></span></div>
            </div>
            """);

        Assert.StartsWith("Thüringer Tierhalter sollen künftig", article.BodyText, StringComparison.Ordinal);
        Assert.Contains("zu gleichen Teilen, wie es seit vielen Jahren üblich war.", article.BodyText, StringComparison.Ordinal);
        Assert.EndsWith("für alle Betriebe im Land.", article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_wrapped_in_component_divs_keeps_its_inline_link()
    {
        static string Block(string paragraph) =>
            $"""<div data-component="text-block" class="c1"><div class="c2"><div class="c3"><p class="c4">{paragraph}</p></div></div></div>""";
        var article = Parse($"""
            <article><h1>Bratwurst und Tierhalter</h1>
            {Block("Thüringer Tierhalter sollen künftig weniger für die Entsorgung von Kadavern zahlen, kündigte das Gesundheitsministerium am Freitag in Erfurt an.")}
            {Block("""Bisher mussten sie <a href="/2022/kadaver-kosten">zwei Drittel der Kosten für die Entsorgung übernehmen</a>, den Rest teilten sich das Land und die Tierseuchenkasse.""")}
            {Block("Sollte die Änderung beschlossen werden, sollen die Mittel dafür laut Ministerium aus dem Landeshaushalt ab dem Jahr 2024 kommen.")}
            <div class="promo"><div class="promo-media"><a href="/2023/wurst"><img src="/w.jpg" alt=""></a></div>
              <div class="promo-content"><div class="promo-title"><a href="/2023/wurst">Die Wurst und das Land: eine Geschichte aus Thüringen</a></div>
              <div class="promo-description">Wie ein Fleischer aus Holland seit Jahren Thüringer Bratwurst herstellt und dafür Arbeiter aus drei Ländern beschäftigt.</div></div></div>
            {Block("Der Bauernverband begrüßte den Vorschlag, nannte ihn aber überfällig, weil die Kosten in den letzten Jahren stark gestiegen seien.")}
            {Block("Die Tierseuchenkasse selbst äußerte sich zunächst nicht, ihr Vorstand will sich in der kommenden Woche mit dem Ministerium treffen.")}
            {Block("Der Landtag berät den Entwurf im Juni, eine Mehrheit für die Änderung gilt nach den Worten mehrerer Abgeordneter als sicher.")}
            </article>
            """);

        Assert.Contains("Bisher mussten sie zwei Drittel der Kosten für die Entsorgung übernehmen, den Rest teilten sich das Land", article.BodyText, StringComparison.Ordinal);
        Assert.EndsWith("als sicher.", article.BodyText, StringComparison.Ordinal);
        // A teaser card cut down to its blurb by cleaning is no paragraph wrapper.
        Assert.DoesNotContain("Fleischer aus Holland", article.BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<p class="intro">Thüringer Tierhalter sollen bald weniger für die Entsorgung von Kadavern zahlen.</p>""")]
    [InlineData("""<h2 class="text-base">Thüringer Tierhalter sollen bald weniger für die Entsorgung von Kadavern zahlen.</h2>""")]
    public void A_standfirst_above_the_body_that_the_page_declares_as_its_description_opens_the_body(string standfirst)
    {
        var html = $"""
            <html lang="de"><head><title>Bratwurst und Tierhalter</title><meta property="og:type" content="article">
            <meta name="description" content="Thüringer Tierhalter sollen bald weniger für die Entsorgung von Kadavern zahlen."></head>
            <body><header><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav></header>
            <main><h1>Bratwurst und Tierhalter</h1>{standfirst}
            <p class="byline"><a href="/autor/anna">Anna Muster</a><br>28.04.2024 | 09:36 Uhr</p>
            <div class="article-content">
              <p>Das Gesundheitsministerium kündigte am Freitag in Erfurt an, die Kosten für die Entsorgung künftig anders zu verteilen als bisher.</p>
              <p>Bisher mussten die Tierhalter zwei Drittel der Kosten übernehmen, den Rest teilten sich das Land und die Tierseuchenkasse zu gleichen Teilen.</p>
              <p>Sollte die Änderung beschlossen werden, sollen die Mittel dafür laut Ministerium aus dem Landeshaushalt ab dem Jahr 2024 kommen.</p>
              <p>Der Bauernverband begrüßte den Vorschlag, nannte ihn aber überfällig, weil die Kosten in den letzten Jahren stark gestiegen seien.</p>
            </div></main>
            <footer>Impressum · Datenschutz</footer></body></html>
            """;
        var result = Parser.Parse(Encoding.UTF8.GetBytes(html), Encoding.UTF8, new Uri("https://news.example.de/2023/04/28/bratwurst"), Some.Source(), Some.FetchedAt);

        var article = result.Article!;
        Assert.StartsWith("Thüringer Tierhalter sollen bald weniger für die Entsorgung von Kadavern zahlen.", article.BodyText, StringComparison.Ordinal);
        Assert.Single(article.BodyText.Split("Thüringer Tierhalter sollen bald"), part => part.Length == 0);
        Assert.EndsWith("stark gestiegen seien.", article.BodyText, StringComparison.Ordinal);
        Assert.Null(article.Subtitle); // in the body now, so not shown a second time above it
    }
}
