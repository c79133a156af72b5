using NewsFeedWorker.Dedupe;

namespace NewsFeedWorker.Tests.Dedupe;

public sealed class FingerprintTextTests
{
    [Theory]
    [InlineData("(포탈뉴스통신) 행정안전부는 밝혔다.")]
    [InlineData("[세종=뉴스와이어] 이지현 기자 = 행정안전부는 밝혔다.")]
    [InlineData("【서울=뉴스핌】 김철수 기자 = 행정안전부는 밝혔다.")]
    [InlineData("행정안전부는 밝혔다.\n\n[뉴스출처 : 행정안전부]")]
    [InlineData("행정안전부는 밝혔다.\n\n<저작권자 ⓒ 포탈뉴스통신, 무단 전재 및 재배포 금지>")]
    [InlineData("행정안전부는   밝혔다.\n\n이지현 기자 jh.lee@newswire.example.com\n\nⓒ 뉴스와이어 All rights reserved.")]
    [InlineData("행정안전부는 밝혔다.\n\nCopyright 2026 Example News. 무단전재 금지")]
    public void Datelines_bylines_credits_and_copyright_lines_are_removed(string text) =>
        Assert.Equal("행정안전부는밝혔다", FingerprintText.Normalize(text));

    [Fact]
    public void Letters_and_digits_are_kept_lower_case_and_full_width_forms_folded() =>
        Assert.Equal("ai데이터2026년12건", FingerprintText.Normalize("AI·데이터 2026년, １２건!"));

    [Fact]
    public void A_copyright_notice_removes_its_whole_paragraph_so_keep_it_apart_from_content() =>
        Assert.Equal("", FingerprintText.Normalize("행정안전부는 밝혔다. ⓒ 포탈뉴스통신"));

    [Fact]
    public void Long_parenthesised_text_is_content_and_stays()
    {
        const string text = "정부는 (지방자치단체가 스스로 데이터를 모아 분석하고 그 결과를 정책에 반영하는 체계를 갖추도록) 지원한다.";
        Assert.Contains("지방자치단체가스스로데이터를", FingerprintText.Normalize(text), StringComparison.Ordinal);
    }
}
