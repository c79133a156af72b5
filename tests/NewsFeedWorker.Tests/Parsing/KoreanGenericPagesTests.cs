using System.Text;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>
/// Hand-written pages in the layouts Korean outlets use (ndsoft CMS, portal viewer, Daum-like
/// sections, br-separated text, Next.js hydration, figures in the body), parsed with no selectors;
/// each expected body was written by hand as what a reader should get. "short-undeclared" is the
/// ndsoft short page with the body's id and itemprop taken away, so scoring alone must keep it;
/// "long-undeclared" the long one likewise, with more paragraphs, where scoring picks the parent and the
/// header (subtitle, byline/date list) must be cleaned out of it.
/// </summary>
public sealed class KoreanGenericPagesTests
{
    private const double MinF1 = 0.95;

    private static readonly PageParser Parser = new();

    public static TheoryData<string> Pages =>
    [
        "ndsoft-short", "ndsoft-long", "portal-dic-area", "daum-article-view", "article-txt-br",
        "nextjs-hydration", "general-cms-figures", "short-undeclared", "long-undeclared",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_body_matches_the_hand_written_text(string page)
    {
        var article = Parse(page);

        var f1 = TokenF1(Expected(page), article.BodyText);
        Assert.True(f1 >= MinF1, $"{page}: body token F1 {f1:0.000} < {MinF1}\n--- got ---\n{article.BodyText}");
    }

    [Theory]
    [InlineData("ndsoft-short", "마리당 25만 원을 기록했다")]
    [InlineData("short-undeclared", "마리당 25만 원을 기록했다")]
    [InlineData("long-undeclared", "청년 농산물 전용관을 열어 판로를 넓힐 계획")]
    [InlineData("long-undeclared", "충북도가 청년 농업인의 안정적인 정착을 돕기 위해")]
    [InlineData("ndsoft-long", "청년들이 농촌에 뿌리내릴 수 있도록")]
    [InlineData("portal-dic-area", "서울 아파트 전셋값이 22주 연속 오르며")]
    [InlineData("portal-dic-area", "지역별 온도 차가 뚜렷했다")]
    [InlineData("daum-article-view", "(서울=뉴스통신) 김지호 기자 = 올겨울 첫 한파가")]
    [InlineData("daum-article-view", "적정 실내 온도를 지켜 달라")]
    [InlineData("article-txt-br", "적조 주의보가 발령 18일 만에 모두 해제됐다")]
    [InlineData("article-txt-br", "당분간 해역 예찰을 계속할 계획")]
    [InlineData("nextjs-hydration", "저상버스 비율 60%까지 높인다")]
    [InlineData("nextjs-hydration", "광역 이동지원센터를 만든다")]
    [InlineData("general-cms-figures", "비색의 아름다움을 많은 분이 느끼길 바란다")]
    public void A_body_sentence_is_kept(string page, string sentence)
    {
        Assert.Contains(sentence, Parse(page).BodyText, StringComparison.Ordinal);
    }

    // Ground truths of real news pages leave captions out of the article text; the feed's HTML keeps them by their image.
    [Theory]
    [InlineData("ndsoft-long", "충북도청 전경")]
    [InlineData("daum-article-view", "직원들이 전력 수급 현황을 점검하고 있다")]
    [InlineData("general-cms-figures", "청자 상감 운학문 매병")]
    public void A_figure_caption_stays_in_the_html_but_not_in_the_text(string page, string caption)
    {
        var article = Parse(page);

        Assert.Contains(caption, article.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(caption, article.BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ndsoft-short", "기자명")]
    [InlineData("ndsoft-short", "입력 2025.11.01")]
    [InlineData("ndsoft-short", "포토이슈")]
    [InlineData("ndsoft-short", "영덕 강구항 새벽 위판에 대게 1만여 마리")]
    [InlineData("ndsoft-short", "통큰 세일")]
    [InlineData("short-undeclared", "기자명")]
    [InlineData("short-undeclared", "포토이슈")]
    [InlineData("short-undeclared", "영덕 강구항 새벽 위판에 대게 1만여 마리")]
    [InlineData("long-undeclared", "기자명")]
    [InlineData("long-undeclared", "수정 2025.11.03")]
    [InlineData("long-undeclared", "댓글")]
    [InlineData("long-undeclared", "내년부터 지원 대상 200명으로 늘려")]
    [InlineData("long-undeclared", "무단전재")]
    [InlineData("ndsoft-long", "무단전재")]
    [InlineData("ndsoft-long", "kimdy@")]
    [InlineData("ndsoft-long", "관련기사")]
    [InlineData("ndsoft-long", "포토뉴스")]
    [InlineData("ndsoft-long", "한파 대비 취약계층")]
    [InlineData("ndsoft-long", "내년부터 지원 대상 200명으로 늘려")]
    [InlineData("portal-dic-area", "sky@econ")]
    [InlineData("portal-dic-area", "재배포")]
    [InlineData("portal-dic-area", "랭킹 뉴스")]
    [InlineData("portal-dic-area", "후속기사 원해요")]
    [InlineData("portal-dic-area", "댓글")]
    [InlineData("daum-article-view", "kimjh@")]
    [InlineData("daum-article-view", "무단전재")]
    [InlineData("daum-article-view", "감정표현")]
    [InlineData("daum-article-view", "많이 본 뉴스")]
    [InlineData("article-txt-br", "pjw@")]
    [InlineData("article-txt-br", "무단전재")]
    [InlineData("article-txt-br", "많이 본 기사")]
    [InlineData("article-txt-br", "다른 기사 보기")]
    [InlineData("article-txt-br", "등록일")]
    [InlineData("nextjs-hydration", "택시 요금 인상")]
    [InlineData("general-cms-figures", "광고")]
    [InlineData("general-cms-figures", "관련기사")]
    [InlineData("general-cms-figures", "choiyj@")]
    [InlineData("general-cms-figures", "무단전재")]
    [InlineData("general-cms-figures", "주말에 아이들과")]
    [InlineData("general-cms-figures", "기자 구독하기")]
    [InlineData("general-cms-figures", "포토이슈")]
    public void Furniture_stays_out_of_the_body(string page, string furniture)
    {
        Assert.DoesNotContain(furniture, Parse(page).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_measure_can_fail()
    {
        Assert.Equal(1, TokenF1("가 나 다", "다 나 가"));
        Assert.True(TokenF1("가 나 다 라", "가 나 마 바 사 아") < 0.5);
    }

    /// <summary>Fixtures that are sample-site pages, read from there rather than kept twice.</summary>
    private static readonly Dictionary<string, string> SamplePages = new(StringComparer.Ordinal) { ["ndsoft-short"] = "article-1003.html" };

    private static Article Parse(string page)
    {
        var html = SamplePages.TryGetValue(page, out var sample)
            ? Some.SamplePage(sample)
            : File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "KoreanGeneric", page + ".html"));
        var result = Parser.Parse(html, Encoding.UTF8, new Uri($"https://news.example.kr/news/{page}"), Some.Source(), Some.FetchedAt);
        return Assert.IsType<Article>(result.Article);
    }

    private static string Expected(string page)
        => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "KoreanGeneric", page + ".expected.txt"));

    /// <summary>Bag-of-words F1 over white-space tokens (Korean separates words with spaces).</summary>
    private static double TokenF1(string expected, string? actual) => BagF1.Score(Tokens(expected), Tokens(actual ?? string.Empty));

    private static string[] Tokens(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
