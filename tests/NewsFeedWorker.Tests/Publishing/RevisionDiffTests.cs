using NewsFeedWorker.Parsing;
using NewsFeedWorker.Publishing;

namespace NewsFeedWorker.Tests.Publishing;

public sealed class RevisionDiffTests
{
    private static readonly Article Before = new()
    {
        Url = new Uri("https://news.example.kr/a/1"),
        Title = "항만 다리, 화물차 통행 금지",
        BodyHtml = "",
        BodyText = "첫 문단은 그대로다.\n\n수리비는 40억 원이 든다.\n\n마지막 문단.",
    };

    [Fact]
    public void A_changed_word_is_marked_inside_its_paragraph_and_unchanged_paragraphs_are_left_out()
    {
        var html = RevisionDiff.Html(Before, Before with { BodyText = "첫 문단은 그대로다.\n\n수리비는 50억 원이 든다.\n\n마지막 문단." });

        Assert.Equal("<p class=\"changed\"><strong>바뀐 문단 / changed paragraph:</strong> 수리비는 <del>40억</del><ins>50억</ins> 원이 든다.</p>\n", html);
    }

    [Fact]
    public void A_new_title_and_added_and_removed_paragraphs_are_shown_with_the_old_and_new_text()
    {
        var html = RevisionDiff.Html(Before, Before with { Title = "항만 다리, 모든 차량 통행 금지", BodyText = "첫 문단은 그대로다.\n\n마지막 문단.\n\n새 문단이다." });

        Assert.Contains("<strong>제목 / title:</strong> <del>항만 다리, 화물차 통행 금지</del> → <ins>항만 다리, 모든 차량 통행 금지</ins>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"removed\"><strong>삭제된 문단 / removed paragraph:</strong> <del>수리비는 40억 원이 든다.</del></p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"added\"><strong>추가된 문단 / added paragraph:</strong> <ins>새 문단이다.</ins></p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("첫 문단", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_scraped_text_is_encoded_never_rendered()
    {
        var html = RevisionDiff.Html(Before, Before with { Title = "<script>alert(1)</script>", BodyText = Before.BodyText + "\n\n<img src=x onerror=alert(2)>" });

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_of_thousands_of_changed_paragraphs_is_compared_only_up_to_the_caps()
    {
        var many = string.Join("\n\n", Enumerable.Range(0, 5000).Select(i => $"문단 {i} " + new string('가', 5000)));
        var other = string.Join("\n\n", Enumerable.Range(0, 5000).Select(i => $"단락 {i} " + new string('나', 5000)));

        var html = RevisionDiff.Html(Before with { BodyText = many }, Before with { BodyText = other });

        Assert.EndsWith("<p class=\"more\">…</p>\n", html, StringComparison.Ordinal);
        Assert.True(html.Length < RevisionDiff.MaxShownBlocks * 3 * (RevisionDiff.MaxParagraphLength + 200), $"{html.Length} characters");
    }

    [Fact]
    public void Changed_fields_are_named_in_korean_and_english() =>
        Assert.Equal("제목 / title, 본문 / text", RevisionDiff.Name(["title", "text"]));
}
