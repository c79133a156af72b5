namespace NewsFeedWorker.Tests.Parsing.Generic;

public sealed class BoilerplateTailTests
{
    private static string Page(string tail) => $"""
        <html><head><title>Sea wall to be repaired before winter</title></head><body><article>
        {Html.Paragraphs(5)}
        {tail}
        </article></body></html>
        """;

    [Fact]
    public void A_broadcast_note_and_an_advert_label_after_the_last_paragraph_are_left_out()
    {
        var text = Html.BodyText(Html.Extract(Page("<p>Sendung: Radio Nord, 24.04.2024, 15:10 Uhr</p><p>Advert</p>")));

        Assert.EndsWith("before the winter storms arrive.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sendung", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Advert", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_linked_line_at_the_end_is_left_out()
    {
        var text = Html.BodyText(Html.Extract(Page("""<p>More: <a href="/ferry">Ferry stops for good</a></p>""")));

        Assert.EndsWith("before the winter storms arrive.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_closing_sentence_stays()
    {
        var text = Html.BodyText(Html.Extract(Page("<p>Work starts on Monday.</p><p>Fairmont Jasper Park Lodge reopened.</p>")));

        Assert.EndsWith("Work starts on Monday.\n\nFairmont Jasper Park Lodge reopened.", text.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_line_in_the_middle_of_the_story_stays()
    {
        var html = $"""
            <html><head><title>Sea wall to be repaired before winter</title></head><body><article>
            {Html.Paragraphs(3)}<p>Kosten: 4 Mio. Euro</p>{Html.Paragraphs(3, "the ferry")}
            </article></body></html>
            """;

        Assert.Contains("Kosten: 4 Mio. Euro", Html.BodyText(Html.Extract(html)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_in_a_language_without_known_stop_words_keeps_its_last_line()
    {
        var html = """
            <html><head><title>방파제 보수 공사 겨울 전 시작</title></head><body><article>
            <p>시의회는 화요일 회의에서 주민과 기술자, 항만청의 의견을 듣고 19세기에 지어진 방파제를 겨울 폭풍이 오기 전에 보수하기로 결정했다. 공사비는 약 40억 원으로 예상되며, 시는 이번 주 안에 입찰 공고를 낼 계획이다.</p>
            <p>항만청은 공사 기간 동안 방파제 산책로를 폐쇄하고 어선의 입출항 시간을 조정할 예정이라고 밝혔다. 주민들은 소음과 먼지에 대한 대책을 요구했으며, 시는 야간 공사를 하지 않겠다고 약속했다.</p>
            <p>방파제는 지난 여름 태풍으로 일부가 무너져 임시 보강 공사를 했지만, 전문가들은 근본적인 보수가 필요하다고 지적해 왔다. 시는 내년 봄까지 공사를 마칠 계획이다.</p>
            <p>홍길동 기자</p>
            </article></body></html>
            """;

        Assert.Contains("홍길동 기자", Html.BodyText(Html.Extract(html)), StringComparison.Ordinal);
    }
}
