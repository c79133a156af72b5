using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Tests.Parsing.Content;

public sealed class FieldTextTests
{
    [Theory]
    [InlineData("기자명 이정민 기자", "이정민")]
    [InlineData("이정민 기자 news@portalnews.example", "이정민")]
    [InlineData("홍길동·김철수 기자", "홍길동·김철수")]
    [InlineData("[포탈뉴스통신 = 박서연 기자]", "박서연")]
    [InlineData("(서울=연합뉴스) 홍길동 기자", "홍길동")]
    [InlineData("By Jane Doe", "Jane Doe")]
    [InlineData("  ", null)]
    public void Bylines_lose_labels_titles_and_addresses(string text, string? expected)
        => Assert.Equal(expected, FieldText.Author(text));

    [Theory]
    [InlineData("홈 > 뉴스 > IT/과학", "IT/과학")]
    [InlineData("IT/과학", "IT/과학")]
    [InlineData("Home » World", "World")]
    public void A_breadcrumb_gives_its_last_step(string text, string expected)
        => Assert.Equal(expected, FieldText.Category(text));

    [Theory]
    [InlineData("입력 2025.06.25 16:12 수정 2025.06.25 17:05", false, "2025.06.25 16:12")]
    [InlineData("입력 2025.06.25 16:12 수정 2025.06.25 17:05", true, "2025.06.25 17:05")]
    [InlineData("승인 2019.07.23 12:53", false, "2019.07.23 12:53")]
    [InlineData("2025.06.25 16:12", false, "2025.06.25 16:12")]
    public void A_byline_row_is_split_by_its_date_labels(string text, bool updated, string expected)
        => Assert.Equal(expected, FieldText.DatePart(text, updated).Trim());
}
