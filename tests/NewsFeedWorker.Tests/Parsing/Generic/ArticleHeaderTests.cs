using System.Text;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing.Generic;

/// <summary>Headline, subtitle and section found by their place above the body, on pages whose metadata names only the site.</summary>
public sealed class ArticleHeaderTests
{
    private const string Headline = "도시가스 요금 내년 1월부터 3% 인상, 서민 부담 커진다";
    private const string Paragraphs = """
        <p>(지역뉴스) 도시가스 요금이 내년 1월부터 평균 3% 오른다고 도가 8일 밝혔다. 원료비 상승분을 반영한 결과로 가구당 월평균 1천 원가량 부담이 늘어난다.</p>
        <p>도는 취약계층의 부담을 덜기 위해 요금 감면 대상을 기초생활수급자와 차상위계층까지 넓히고, 감면 폭도 현행보다 늘리기로 했다고 설명했다.</p>
        <p>요금 인상은 올해 들어 두 번째다. 도는 지난 7월에도 원료비 연동제에 따라 요금을 2% 올렸으며, 이번 인상으로 주택용 도시가스 요금은 메가줄당 평균 0.6원 오르게 된다. 업소용과 산업용 요금도 같은 비율로 조정된다.</p>
        <p>소상공인 단체는 경기 침체 속에 연료비 부담까지 늘었다며 인상 폭을 줄여 달라고 요구했다. 도는 업소용 요금의 분할 납부를 허용하고, 에너지 효율 개선 설비 지원 사업의 예산을 늘려 부담을 나누겠다는 계획이다.</p>
        <p>도 관계자는 "겨울철 난방비 부담이 커지는 만큼 감면 제도를 적극적으로 알리겠다"며 "시·군과 함께 사각지대를 살피겠다"고 말했다.</p>
        """;

    private static Article Parse(string head, string header, string beforeBody = "")
    {
        var html = $"""
            <html><head><meta property="og:type" content="article">{head}</head><body>
            <div class="top"><a href="https://www.region.example.kr/"><img src="/img/logo.png" alt="지역뉴스 로고"></a>
            <ul class="menu"><li><a href="/list/1">정치</a></li><li><a href="/list/2">경제</a></li><li><a href="/list/3">사회</a></li><li><a href="/list/4">문화</a></li><li><a href="/list/5">스포츠</a></li></ul></div>
            {beforeBody}
            <div class="wrap"><div class="head">{header}</div><div class="text">{Paragraphs}</div></div>
            <div class="foot">지역뉴스 | 등록번호 경기 아00000</div>
            </body></html>
            """;
        var result = new PageParser().Parse(Encoding.UTF8.GetBytes(html), Encoding.UTF8, new Uri("https://www.region.example.kr/news/view.php?no=5521"), Some.Source(), Some.FetchedAt);
        Assert.True(result.Article is not null, result.NoArticleReason);
        return result.Article;
    }

    [Fact]
    public void A_site_name_title_gives_way_to_the_headline_line_and_the_line_under_it_is_the_subtitle()
    {
        var article = Parse("<title>지역뉴스</title>", $"<div class=t>{Headline}</div><div class=s>취약계층 감면 대상은 차상위계층까지 확대</div><div>김기자 | 입력 2025.11.08 10:00</div>");

        Assert.Equal(Headline, article.Title);
        Assert.Equal("취약계층 감면 대상은 차상위계층까지 확대", article.Subtitle);
        Assert.StartsWith("(지역뉴스) 도시가스 요금이", article.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("입력 2025.11.08", article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_label_in_the_byline_row_is_the_category()
    {
        var article = Parse("<title>지역뉴스</title>", $"<h2>{Headline}</h2><div><a href=\"/list/2\">경제</a> <span>입력 2025.11.08 10:00</span></div>");

        Assert.Equal(Headline, article.Title);
        Assert.Equal("경제", article.Category);
    }

    [Theory]
    [InlineData("<p>현재위치 : 홈 &gt; 경제 &gt; 부동산</p>", "부동산")]
    [InlineData("<p>HOME › 경제</p>", "경제")]
    [InlineData("<ol><li><a href=\"/\">홈</a></li><li><a href=\"/list/2\">경제</a></li></ol>", "경제")]
    public void A_location_line_above_the_page_names_the_category(string trail, string category)
    {
        var article = Parse("<title>지역뉴스</title>", $"<h2>{Headline}</h2>", beforeBody: trail + "<div class=banner><img src=/ad.png></div>");

        Assert.Equal(category, article.Category);
    }

    [Fact]
    public void A_menu_next_to_the_headline_is_not_its_section()
    {
        var article = Parse("<title>지역뉴스</title>", $"<h2>{Headline}</h2>");

        Assert.Null(article.Category);
    }

    [Fact]
    public void A_title_the_page_shows_in_a_heading_is_kept()
    {
        var article = Parse(
            "<title>교통</title>",
            $"<h1>교통</h1><div class=t>{Headline}</div>");

        Assert.Equal("교통", article.Title);
    }

    [Fact]
    public void Two_plain_paragraphs_between_the_headline_and_the_byline_are_one_subtitle()
    {
        var article = Parse("<title>지역뉴스</title>", $"<div class=cat><a href=\"/list/2\">경제</a></div><h2>{Headline}</h2><p>취약계층 감면 대상은</p><p>차상위계층까지 확대</p><div>입력 2025.11.08 10:00</div>");

        Assert.Equal(Headline, article.Title);
        Assert.Equal("취약계층 감면 대상은 차상위계층까지 확대", article.Subtitle);
        Assert.Equal("경제", article.Category);
    }

    [Fact]
    public void A_headline_linking_to_its_own_page_is_the_headline()
    {
        var article = Parse("<title>지역뉴스</title>", $"<p class=cate><a href=\"/list/2\">경제</a></p><h1><a href=\"/news/view.php?no=5521\">{Headline}</a></h1><h2 class=sub>취약계층 감면 대상은<br>차상위계층까지 확대</h2>");

        Assert.Equal(Headline, article.Title);
        Assert.Equal("취약계층 감면 대상은 차상위계층까지 확대", article.Subtitle);
        Assert.Equal("경제", article.Category);
    }

    [Fact]
    public void Above_a_bold_subtitle_opening_the_body_the_writers_link_share_button_and_hidden_heading_are_passed()
    {
        var article = Parse(
            "<title>지역뉴스</title>",
            $"<span class=cat><a href=\"/list/2\">경제</a></span><h1>{Headline}</h1><div class=meta><a href=\"/author/kim\">김기자</a> <time>2025.11.08 10:00</time></div>"
            + "<h2>본문</h2><a href=\"#\">스크랩</a><p><strong>취약계층 감면 대상은 차상위계층까지 확대</strong></p>");

        Assert.Equal(Headline, article.Title);
        Assert.Equal("취약계층 감면 대상은 차상위계층까지 확대", article.Subtitle);
        Assert.Equal("경제", article.Category);
        Assert.StartsWith("(지역뉴스) 도시가스 요금이", article.BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>[뉴스출처 : 도청]</p><p>김철수 기자</p><p>kim@example.kr</p><p>&lt;저작권자 ⓒ 지역뉴스 무단전재 및 재배포 금지&gt;</p><p>기사제보 news@example.kr</p><p>#도시가스</p>")]
    [InlineData("<div>김철수 기자 kim@example.kr<br>&lt;저작권자 © 지역뉴스 무단전재 및 재배포 금지&gt;<br>기사제보 : news@example.kr<br>많이 본 뉴스</div>")]
    public void A_sign_off_among_many_short_lines_after_the_story_names_the_author(string closing)
    {
        var article = ParseWithClosing(closing);

        Assert.Equal("김철수", article.Author);
        Assert.DoesNotContain("kim@example.kr", article.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sign_off_above_the_last_sentence_is_not_the_author()
    {
        var article = ParseWithClosing("<p>김철수 기자</p><p>도는 다음 달 설명회를 열어 감면 신청 방법을 안내하고, 읍면동 주민센터에서도 신청을 받을 계획이다.</p>");

        Assert.Null(article.Author);
    }

    private static Article ParseWithClosing(string closing)
    {
        var html = $"""
            <html><head><meta property="og:type" content="article"><title>{Headline}</title></head><body>
            <div class="wrap"><h2>{Headline}</h2><div class="text">{Paragraphs}{closing}</div></div>
            </body></html>
            """;
        var result = new PageParser().Parse(Encoding.UTF8.GetBytes(html), Encoding.UTF8, new Uri("https://www.region.example.kr/news/view.php?no=5521"), Some.Source(), Some.FetchedAt);
        Assert.True(result.Article is not null, result.NoArticleReason);
        return result.Article;
    }

    [Fact]
    public void A_board_date_with_a_two_digit_year_after_a_korean_label_is_read()
    {
        var article = Parse("<title>지역뉴스</title>", $"<h2>{Headline}</h2><div><strong class=if_date><span class=sound_only>작성일</span> 25-06-25 14:30</strong></div>");

        Assert.Equal(new DateTimeOffset(2025, 6, 25, 14, 30, 0, TimeSpan.FromHours(9)), article.Published);
    }
}
