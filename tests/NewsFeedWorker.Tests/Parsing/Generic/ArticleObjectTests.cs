using System.Text.Json;
using NewsFeedWorker.Parsing.Generic;

namespace NewsFeedWorker.Tests.Parsing.Generic;

public sealed class ArticleObjectTests
{
    private const string First = "정부가 청년층 주거비 부담을 덜기 위해 월세 지원 금액을 두 배로 늘린다. 지원 기간도 12개월에서 24개월로 늘어난다.";
    private const string Second = "대상은 부모와 따로 사는 만 19~34세 청년 가운데 본인 소득이 중위소득 60% 이하인 사람이다.";

    [Fact]
    public void A_body_written_as_an_array_of_strings_is_read_paragraph_by_paragraph()
    {
        var article = Read(new { title = "청년 월세 지원", paragraphs = new[] { First, Second } });

        Assert.Equal($"<p>{First}</p><p>{Second}</p>", article?.BodyHtml);
    }

    [Fact]
    public void A_rich_text_document_root_is_read_through_its_nodes_and_text_runs()
    {
        var doc = new
        {
            type = "doc",
            content = new object[]
            {
                new { type = "paragraph", content = new[] { new { type = "text", text = First } } },
                new { type = "heading", content = new[] { new { type = "text", text = "신청 방법" } } },
                new { type = "paragraph", content = new[] { new { type = "text", text = Second[..20] }, new { type = "text", text = Second[20..] } } },
            },
        };

        var article = Read(new { headline = "청년 월세 지원", content = doc });

        Assert.Equal($"<p>{First}</p><h2>신청 방법</h2><p>{Second}</p>", article?.BodyHtml);
    }

    [Fact]
    public void Fields_named_by_korean_cms_abbreviations_give_title_body_author_and_date()
    {
        var article = Read(new { sectNm = "사회", artclSj = "청년 월세 지원", artclCn = $"<p>{First}</p><p>{Second}</p>", regDt = "2025-11-04 14:20:00", rptrNm = "한지민" });

        Assert.NotNull(article);
        Assert.Equal("청년 월세 지원", article.Title);
        Assert.Equal("한지민", article.Author);
        Assert.Equal("2025-11-04 14:20:00", article.PublishedText);
        Assert.Contains(Second, article.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_or_subtitle_field_is_no_title()
    {
        Assert.Null(Read(new { sectTitle = "사회", subTitle = "부제", artclCn = $"<p>{First}</p><p>{Second}</p>" }));
    }

    private static HydratedArticle? Read(object value)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(value));
        return ArticleObject.Read(json.RootElement, 100);
    }
}
