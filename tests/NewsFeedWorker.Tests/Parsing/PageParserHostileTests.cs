using System.Text;
using Microsoft.Extensions.Options;
using NewsFeedWorker.Dedupe;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Generic;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>Pages a hostile or broken site serves: each gives a valid article or a failure with a reason, never an exception.</summary>
public sealed class PageParserHostileTests
{
    private static readonly PageParser Parser = new();

    private static readonly string PoisonPage = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Hostile", "poison-article.html"));

    private static PageParseResult Parse(string html, PageParser? parser = null) =>
        (parser ?? Parser).Parse(Encoding.UTF8.GetBytes(html), Encoding.UTF8, Some.Article(1001), Some.Source(), Some.FetchedAt);

    private static string Page(string title, string body) =>
        $"<html><head><meta property=\"og:title\" content=\"{title}\"><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>";

    private static readonly string Paragraphs = string.Concat(Enumerable.Repeat("<p>평범한 문단이 이어진다. 기사 본문으로 읽힐 만큼 충분히 긴 문장을 여러 번 쓴다. 쉼표, 마침표, 그리고 또 다른 문장이 뒤따른다.</p>", 8));

    [Fact]
    public void Noncharacters_and_a_lone_surrogate_escape_become_replacement_characters_and_the_article_is_kept()
    {
        var result = Parse(PoisonPage);

        Assert.Null(result.Failure);
        var article = Assert.IsType<Article>(result.Article);
        Assert.DoesNotContain('\uFFFE', article.Title);
        Assert.DoesNotContain('\uFFFF', article.BodyText);
        Assert.DoesNotContain('\uFDD0', article.BodyText);
        Assert.Contains("비문자 \uFFFD 하나와 \uFFFD 하나가", article.BodyText, StringComparison.Ordinal);
        Assert.Equal("홍길동", article.Author);
    }

    [Fact]
    public void The_fingerprint_of_text_with_a_noncharacter_and_a_lone_surrogate_is_computed()
    {
        Assert.Equal("기사끝", FingerprintText.Normalize("기사\uFFFE \ud83d끝"));
    }

    [Fact]
    public void Bidi_overrides_and_control_characters_are_stripped_from_the_title()
    {
        var result = Parse(Page("안전한\u202E 제목\u007F 입니다\u2066", Paragraphs));

        Assert.Equal("안전한 제목 입니다", result.Article?.Title);
    }

    [Fact]
    public void A_one_mebibyte_title_is_cut_to_the_documented_length()
    {
        var result = Parse(Page(new string('가', 1 << 20), Paragraphs));

        var title = result.Article?.Title;
        Assert.NotNull(title);
        Assert.Equal(500, title.Length);
        Assert.EndsWith("가…", title, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Bombs => new()
    {
        { string.Concat(Enumerable.Repeat("<div>", 100_000)) + "x", "nested deeper than 1,000 levels" },
        { string.Concat(Enumerable.Repeat("<b><i><u>", 30_000)) + "x", "nested deeper than 1,000 levels" },
        { "<div class=\"" + string.Join(' ', Enumerable.Range(0, 150_000).Select(i => $"c{i}")) + "\">x</div>", "more than 20,000 words" },
        { string.Concat(Enumerable.Repeat("<p>x", 200_000)), "more than 100,000 elements" },
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public void A_markup_bomb_is_dropped_as_too_complex_before_the_tree_is_built(string body, string reason)
    {
        var result = Parse($"<html><body>{body}</body></html>");

        Assert.Null(result.Article);
        Assert.StartsWith("too complex: ", result.Failure, StringComparison.Ordinal);
        Assert.Contains(reason, result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_still_parsing_when_its_cpu_time_is_up_is_dropped_as_too_complex()
    {
        var parser = new PageParser(new GenericExtractor(), Options.Create(new ParsingOptions { MaxPageTime = TimeSpan.FromMilliseconds(1) }));
        // 90,000 elements: under the guard's limit, and far more than a millisecond of work.
        var page = $"<html><body>{string.Concat(Enumerable.Repeat("<span>x</span>", 90_000))}</body></html>";

        var result = Parse(page, parser);

        Assert.Null(result.Article);
        Assert.StartsWith("too complex: parsing took more than 0.001 s of CPU", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ordinary_page_is_not_held_back_by_the_guard()
    {
        var result = Parse(Page("평범한 기사", Paragraphs + "<script>if (a <b && c> d) { x = '<div>'; }</script><!-- <div><div> -->"));

        Assert.Null(result.Failure);
        Assert.Equal("평범한 기사", result.Article?.Title);
    }
}
