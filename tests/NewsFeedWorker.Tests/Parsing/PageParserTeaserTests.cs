using System.Text;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>Section teaser blocks found by their shape on markup other than the sample site's.</summary>
public sealed class PageParserTeaserTests
{
    private static readonly Uri Home = new("https://news.example.kr/");

    private static IReadOnlyList<SectionTeaser> Teasers(string body) =>
        new PageParser().Parse(Encoding.UTF8.GetBytes($"<html><body>{body}</body></html>"), Encoding.UTF8, Home, Some.Configured, Some.FetchedAt).Teasers;

    [Fact]
    public void An_icon_more_button_marks_a_block_too()
    {
        var teasers = Teasers("""
            <div class="box"><h3>경제</h3><a href="/news/articleList.html?sc=S2" class="btn"><img src="/img/more.png" alt="더보기"></a>
              <ul><li><a href="/news/articleView.html?idxno=501">금리 동결</a><p>한국은행이 기준금리를 동결했다고 밝혔다. 시장 예상과 같았다.</p></li></ul></div>
            """);

        Assert.Equal([new SectionTeaser("경제", "금리 동결", new Uri(Home, "/news/articleView.html?idxno=501"), "한국은행이 기준금리를 동결했다고 밝혔다. 시장 예상과 같았다.")], teasers);
    }

    [Fact]
    public void Blocks_side_by_side_keep_their_own_teasers()
    {
        var teasers = Teasers("""
            <div class="row">
              <div class="col"><div class="head"><strong>정치</strong><a href="/list?s=1">더보기 +</a></div>
                <ul><li><a href="/news/articleView.html?idxno=1">국회 본회의 개최</a></li></ul></div>
              <div class="col"><div class="head"><strong>문화</strong><a href="/list?s=2">더보기 +</a></div>
                <ul><li><a href="/news/articleView.html?idxno=2">국립극장 새 시즌</a></li></ul></div>
            </div>
            """);

        Assert.Equal(
            [new("정치", "국회 본회의 개최", new Uri(Home, "/news/articleView.html?idxno=1"), null), new("문화", "국립극장 새 시즌", new Uri(Home, "/news/articleView.html?idxno=2"), null)],
            teasers);
    }

    [Fact]
    public void A_heading_without_a_more_link_is_not_a_teaser_block()
        => Assert.Empty(Teasers("""<section><h2>포토이슈</h2><a href="/news/articleView.html?idxno=9"><img alt="사진"></a></section>"""));
}
