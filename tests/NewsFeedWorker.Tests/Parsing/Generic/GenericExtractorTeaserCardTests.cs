namespace NewsFeedWorker.Tests.Parsing.Generic;

public sealed class GenericExtractorTeaserCardTests
{
    private const string Story = """
        <p>Die Stadt Uelzen will die Sanierung der Brücke am Hafen noch vor dem Winter beginnen, sagte der Bürgermeister am Dienstag nach der Sitzung des Rates, in der Anwohner, Ingenieure und die Hafenbehörde angehört wurden.</p>
        <p>Die Brücke stammt aus dem neunzehnten Jahrhundert und ist seit dem Frühjahr für Lastwagen gesperrt, weil Gutachter Risse in zwei Pfeilern gefunden haben, die sich im Sommer weiter geöffnet haben sollen.</p>
        <h2>Kosten höher als geplant</h2>
        <p>Nach den neuen Berechnungen kostet die Sanierung rund vier Millionen Euro, etwa eine Million mehr als im vergangenen Jahr geplant, weil Stahl und Beton deutlich teurer geworden sind und die Arbeiten länger dauern.</p>
        <p>Der Rat hat das Geld am Dienstag freigegeben; die Arbeiten sollen im Oktober beginnen und bis zum Sommer dauern, in dieser Zeit bleibt die Brücke für den Autoverkehr ganz gesperrt, Fußgänger dürfen sie weiter nutzen.</p>
        """;

    private const string Cards = """
        <div class="contentbox list">
          <div class="boxhead">Mehr zum Thema</div>
          <div class="teaser">
            <div class="teaserpadding">
              <div class="headlinewrapper"><h2><a href="/nachrichten/faehre-eingestellt">Fähre über die Elbe fährt nicht mehr</a></h2></div>
              <div class="teasertext"><p>Der Betreiber hat den Fährbetrieb zwischen den beiden Ufern nach vierzig Jahren eingestellt.</p></div>
            </div>
          </div>
          <div class="teaser">
            <div class="teaserpadding">
              <div class="headlinewrapper"><h2><a href="/nachrichten/hafenfest">Hafenfest lockt Tausende Besucher an</a></h2></div>
              <div class="teasertext"><p>Drei Tage lang feierten Besucher aus der ganzen Region am alten Hafenbecken bei Sonnenschein.</p></div>
            </div>
          </div>
        </div>
        """;

    [Fact]
    public void Other_stories_teaser_cards_inside_the_body_are_left_out_with_their_blurbs()
    {
        var text = Html.BodyText(Html.Extract($"<html><head><title>Brücke am Hafen wird saniert</title></head><body><article>{Story}{Cards}</article></body></html>"));

        Assert.StartsWith("Die Stadt Uelzen will die Sanierung", text, StringComparison.Ordinal);
        Assert.EndsWith("Fußgänger dürfen sie weiter nutzen.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fährbetrieb", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hafenbecken", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lead_paragraph_named_teaser_without_a_linked_heading_stays_in_the_body()
    {
        const string Lead = """<p class="article-teaser">Vier Millionen Euro für eine alte Brücke: Der Rat gibt das Geld frei, im Oktober beginnen die Arbeiten.</p>""";

        var text = Html.BodyText(Html.Extract($"<html><head><title>Brücke am Hafen wird saniert</title></head><body><article>{Lead}{Story}</article></body></html>"));

        Assert.StartsWith("Vier Millionen Euro für eine alte Brücke", text, StringComparison.Ordinal);
        Assert.Contains("Kosten höher als geplant", text, StringComparison.Ordinal);
    }
}
