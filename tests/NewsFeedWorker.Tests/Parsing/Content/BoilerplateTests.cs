using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Tests.Parsing.Content;

public sealed class BoilerplateTests
{
    [Theory]
    [InlineData("[뉴스출처 : 행정안전부]", "행정안전부")]
    [InlineData("[뉴스출처: 경기도시장상권진흥원]", "경기도시장상권진흥원")]
    [InlineData("<자료제공 : 부산시청>", "부산시청")]
    [InlineData("출처：국토교통부", "국토교통부")]
    [InlineData("(포탈뉴스통신) 행정안전부는 6월 25일 행사를 열었다.", null)]
    [InlineData("[사진 = 행정안전부 제공]", null)]
    public void Credit_lines_give_their_origin(string line, string? origin)
        => Assert.Equal(origin, Boilerplate.CreditOrigin(line));

    [Theory]
    [InlineData("저작권자 © 포탈뉴스통신 무단전재 및 재배포 금지")]
    [InlineData("ⓒ 포탈뉴스통신 무단전재 및 재배포 금지")]
    [InlineData("Copyright © 2025 포탈뉴스통신. All rights reserved.")]
    [InlineData("김도윤 기자 =")]
    [InlineData("이정민 기자 news@portalnews.example")]
    [InlineData("박서연 기자")]
    public void Copyright_and_reporter_contact_lines_are_boilerplate(string line)
        => Assert.True(Boilerplate.IsBoilerplateLine(line));

    [Theory]
    [InlineData("(포탈뉴스통신) 행정안전부는 6월 25일, 인공지능(AI) 시대 공공 AX 방향을 모색하기 위한 ‘제8회 전자정부의 날’ 기념행사를 개최했다.")]
    [InlineData("(서울=연합뉴스) 홍길동 기자 = 정부는 8일 내년도 예산안의 세부 내용을 공개하고 국회에 제출했다고 밝혔다. 예산 규모는 지난해보다 늘었다.")]
    [InlineData("하 수석은 축사에서 “공공 AX는 국가 AX의 중요한 마중물 역할을 할 것”이라고 말했다.")]
    public void Article_sentences_are_not_boilerplate(string line)
        => Assert.False(Boilerplate.IsBoilerplateLine(line));

    [Theory]
    [InlineData("ad-template ad-view-in", true)]
    [InlineData("share-group", true)]
    [InlineData("relation-news", true)]
    [InlineData("view-copyright", true)]
    [InlineData("article-veiw-body view-page font-size17", false)]
    [InlineData("header-top", false)]
    [InlineData("shadow thread", false)]
    public void Furniture_is_recognised_by_whole_class_words(string classes, bool junk)
        => Assert.Equal(junk, Boilerplate.IsJunkName(classes));

    [Theory]
    [InlineData("""<div class="teaser"><h3><a href="/other">Another story</a></h3><p>Its blurb.</p></div>""", true)]
    [InlineData("""<li id="teaser-3"><a href="/other"><h2>Another story</h2><p>Its blurb.</p></a></li>""", true)]
    [InlineData("""<p class="article-teaser">The lead paragraph, with <a href="/source">a source</a> linked in it.</p>""", false)]
    [InlineData("""<div class="teaserimage"><h3><a href="/other">A compound name is not the word</a></h3></div>""", false)]
    [InlineData("""<div class="box"><h3><a href="/other">Not named a teaser</a></h3></div>""", false)]
    public void A_teaser_card_is_named_teaser_and_headed_by_a_link(string html, bool card)
    {
        var element = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>").Body!.FirstElementChild!;

        Assert.Equal(card, Boilerplate.IsTeaserCard(element));
    }
}
