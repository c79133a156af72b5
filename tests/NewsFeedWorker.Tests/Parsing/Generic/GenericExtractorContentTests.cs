using System.Text;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing.Generic;

public sealed class GenericExtractorContentTests
{
    private const string Title = "행정안전부, '제8회 전자정부의 날' 기념행사 개최, AI시대 공공AX 본격화 논의";

    [Fact]
    public void Korean_article_modeled_on_the_seed_keeps_every_paragraph_the_dateline_and_the_credit()
    {
        var extraction = Html.Extract(Html.Read("korean-regional-article.html"));
        var text = Html.BodyText(extraction);

        Assert.StartsWith("(포탈뉴스통신) 행정안전부는 6월 25일, 인공지능(AI) 시대 공공 AX 방향을 모색하기 위한", text, StringComparison.Ordinal);
        Assert.Contains("하 수석은 축사에서", text, StringComparison.Ordinal);
        Assert.Contains("힘쓰겠다”라고 말했다.", text, StringComparison.Ordinal);
        Assert.EndsWith("[뉴스출처 : 행정안전부]", text, StringComparison.Ordinal);
        Assert.Equal(13, text.Split("\n\n").Length); // 12 paragraphs and the credit; the &nbsp; spacers are gone
        Assert.Equal(ExtractionMethod.Heuristic, extraction.Methods["body"]);
    }

    [Theory]
    [InlineData("더보기")]
    [InlineData("경기 살리기 통큰 세일")]
    [InlineData("정치")]
    [InlineData("포토이슈")]
    [InlineData("기상청 제공")]
    [InlineData("흐림서울")]
    [InlineData("16.4℃")]
    [InlineData("무단전재")]
    [InlineData("등록번호")]
    [InlineData("페이스북")]
    [InlineData("IT/과학")]
    public void Korean_article_body_leaks_no_teaser_navigation_widget_or_footer_text(string furniture)
    {
        var text = Html.BodyText(Html.Extract(Html.Read("korean-regional-article.html")));

        Assert.DoesNotContain(furniture, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Korean_article_metadata_comes_from_the_page_without_site_name()
    {
        var extraction = Html.Extract(Html.Read("korean-regional-article.html"));

        Assert.Equal(Title, extraction.Title);
        Assert.Equal("6월 25일 정부세종컨벤션센터에서 ‘제8회 전자정부의 날’ 기념행사 개최", extraction.Subtitle);
        Assert.Equal("ko", extraction.Language);
        Assert.Equal("IT/과학", extraction.Section);
        Assert.Equal(ExtractionMethod.Heuristic, extraction.Methods["category"]);
        Assert.Equal("포탈뉴스", extraction.SiteName);
        Assert.Equal(new Uri("https://news.example.kr/news/articleView.html?idxno=123456"), extraction.Canonical);
        Assert.Equal(new Uri("https://news.example.kr/news/photo/202506/123456_1_1.jpg"), extraction.LeadImage);
    }

    [Fact]
    public void Korean_article_without_date_metadata_takes_the_labelled_input_date_not_the_header_date()
    {
        var extraction = Html.Extract(Html.Read("korean-regional-article.html"));

        Assert.Equal("2025.06.25 14:30", extraction.PublishedText);
        Assert.Equal(ExtractionMethod.Heuristic, extraction.Methods["published"]);
        Assert.Null(extraction.ModifiedText);
    }

    [Theory]
    [InlineData("<span>입력 2025-11-08 오후 2:30</span><span>수정 2025-11-08 오후 3:10</span>", "2025-11-08 오후 2:30", "2025-11-08 오후 3:10")]
    [InlineData("<li>승인 2019.07.23 12:53</li>", "2019.07.23 12:53", null)]
    [InlineData("<p class=\"date\">기사입력 : 2025년 11월 8일 14:30</p>", "2025년 11월 8일 14:30", null)]
    [InlineData("<div>Published: 2024/06/25 10:00 AM</div>", "2024/06/25 10:00 AM", null)]
    [InlineData("<div>2025.11.08 (토)</div>", null, null)]
    public void Labelled_dates_in_page_text_are_found_when_metadata_has_none(string dateHtml, string? published, string? updated)
    {
        var extraction = Html.Extract($"<html><head><title>Council approves sea wall repairs before winter</title></head><body>{dateHtml}<article>{Html.Paragraphs(6)}</article></body></html>");

        Assert.Equal(published, extraction.PublishedText);
        Assert.Equal(updated, extraction.ModifiedText);
    }

    [Fact]
    public void Korean_article_with_br_separated_text_keeps_the_photo_caption_and_all_paragraphs()
    {
        var extraction = Html.Extract(Html.Read("korean-br-article.html"));
        var text = Html.BodyText(extraction);

        Assert.Equal("소상공인 디지털 전환 지원, 내년 전국 확대", extraction.Title);
        Assert.Equal("홍길동 기자", extraction.Byline);
        Assert.Equal("경제", extraction.Section);
        Assert.Equal(ExtractionMethod.Meta, extraction.Methods["category"]);
        Assert.StartsWith("[서울=뉴스통신] 홍길동 기자 = 정부가 8일", extraction.Excerpt, StringComparison.Ordinal);
        Assert.Contains("(사진=중소벤처기업부 제공)", text, StringComparison.Ordinal);
        Assert.Contains("[서울=뉴스통신] 홍길동 기자 = 정부가 8일", text, StringComparison.Ordinal);
        Assert.Contains("마련하겠다\"고 말했다.", text, StringComparison.Ordinal);
        Assert.NotNull(extraction.Content!.QuerySelector("img[src='/photo/2025/11/08/a1.jpg']"));
    }

    [Theory]
    [InlineData("관련기사")]
    [InlineData("많이본뉴스")]
    [InlineData("많이 본 뉴스")]
    [InlineData("댓글")]
    [InlineData("무단전재")]
    [InlineData("글자크기")]
    [InlineData("등록번호")]
    [InlineData("정치")]
    public void Korean_article_with_br_separated_text_leaks_no_related_ranking_comment_or_footer_text(string furniture)
    {
        var text = Html.BodyText(Html.Extract(Html.Read("korean-br-article.html")));

        Assert.DoesNotContain(furniture, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extraction_leaves_the_callers_document_untouched()
    {
        var document = Html.Parse(Html.Read("korean-regional-article.html"));
        var before = document.DocumentElement.OuterHtml;

        var extraction = new NewsFeedWorker.Parsing.Generic.GenericExtractor().Extract(document, Html.PageUrl);

        Assert.NotNull(extraction.Content);
        Assert.Equal(before, document.DocumentElement.OuterHtml);
    }

    [Fact]
    public void Section_front_page_of_headlines_and_teasers_yields_no_article()
    {
        var items = string.Concat(Enumerable.Range(1, 30).Select(i =>
            $"<li><a href=\"/news/articleView.html?idxno={i}\">기사 제목 {i}번: 지역 소식과 행사 안내</a><span class=\"date\">2025.11.08</span></li>"));
        var extraction = Html.Extract($"<html lang=\"ko\"><head><title>IT/과학 - 포탈뉴스</title></head><body><nav><a href=\"/\">홈</a></nav><ul class=\"article-list\">{items}</ul><footer>Copyright</footer></body></html>");

        Assert.Null(extraction.Content);
        Assert.False(extraction.Methods.ContainsKey("body"));
    }

    [Fact]
    public void Korean_section_list_of_teasers_with_long_linked_summaries_yields_no_article()
    {
        var extraction = Html.Extract(Html.Read("korean-section-list.html"));

        Assert.Null(extraction.Content);
    }

    [Fact]
    public void Korean_section_list_of_teasers_with_unlinked_summaries_yields_no_article()
    {
        // Same page, but the summaries are plain text under the linked headline (another common CMS shape).
        var html = System.Text.RegularExpressions.Regex.Replace(
            Html.Read("korean-section-list.html"), "<p class=\"list-summary\"><a href=\"[^\"]*\">(.*?)</a></p>", "<p class=\"list-summary\">$1</p>");

        var extraction = Html.Extract(html);

        Assert.Null(extraction.Content);
    }

    [Fact]
    public void Korean_section_list_of_teaser_divs_with_unlinked_summaries_yields_no_article()
    {
        var html = System.Text.RegularExpressions.Regex.Replace(
            Html.Read("korean-section-list.html"), "<p class=\"list-summary\"><a href=\"[^\"]*\">(.*?)</a></p>", "<p class=\"list-summary\">$1</p>")
            .Replace("<li class=\"item\">", "<div class=\"item\">", StringComparison.Ordinal)
            .Replace("</li>", "</div>", StringComparison.Ordinal)
            .Replace("<ul class=\"type2\">", "<div class=\"type2\">", StringComparison.Ordinal)
            .Replace("</ul>", "</div>", StringComparison.Ordinal);

        var extraction = Html.Extract(html);

        Assert.Null(extraction.Content);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body></body></html>")]
    [InlineData("\u0000\u0001\u0002binary\u00ff")]
    [InlineData("<html><body><p>Just one short line.</p></body></html>")]
    public void Empty_or_trivial_pages_yield_no_article(string html)
    {
        Assert.Null(Html.Extract(html).Content);
    }

    [Fact]
    public void Deeply_nested_tag_soup_does_not_crash()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 5000; i++)
        {
            html.Append("<div><span>");
        }

        html.Append(Html.Paragraphs(5));
        var extraction = Html.Extract(html.ToString());

        Assert.Contains("sea wall", Html.BodyText(extraction), StringComparison.Ordinal);
    }

    [Fact]
    public void English_article_drops_share_related_and_comment_blocks_but_keeps_headings_lists_figures_and_data_tables()
    {
        var related = string.Concat(Enumerable.Range(1, 6).Select(i => $"<li><a href=\"/r{i}\">Related story number {i} with a long headline</a></li>"));
        var html = $"""
            <html><head><title>Council approves sea wall repairs before winter</title></head><body>
            <header class="site-header"><a href="/">Home</a><a href="/news">News</a></header>
            <div id="main"><article class="post">
              <h1>Council approves sea wall repairs before winter</h1>
              <div class="share-tools"><a href="#">Share on X</a><a href="#">Share by email</a></div>
              {Html.Paragraphs(3)}
              <h2>What happens next</h2>
              <ul><li>Surveys start in December, weather permitting.</li><li>Work begins in March and lasts six weeks.</li></ul>
              <figure><img src="/wall.jpg" alt="The wall"><figcaption>The old sea wall at high tide.</figcaption></figure>
              <table><caption>Costs</caption><tr><th>Item</th><th>Cost</th></tr><tr><td>Stone</td><td>£1m</td></tr></table>
              {Html.Paragraphs(3, "the budget")}
              <div class="related-links"><h3>Related</h3><ul>{related}</ul></div>
            </article>
            <div id="comments"><p>First comment: I have lived here for forty years and the wall has always leaked, so this is overdue.</p></div>
            </div></body></html>
            """;

        var text = Html.BodyText(Html.Extract(html));

        Assert.Contains("What happens next", text, StringComparison.Ordinal);
        Assert.Contains("Work begins in March", text, StringComparison.Ordinal);
        Assert.Contains("The old sea wall at high tide.", text, StringComparison.Ordinal);
        Assert.Contains("Stone", text, StringComparison.Ordinal);
        Assert.Contains("Paragraph 3 about the budget", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share on X", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Related story", text, StringComparison.Ordinal);
        Assert.DoesNotContain("First comment", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_in_divs_separated_by_line_breaks_is_found()
    {
        var lines = string.Join("<br><br>\n", Enumerable.Range(1, 8).Select(i =>
            $"제{i}문단: 행정안전부는 지역 주민과 전문가, 공무원이 참석한 가운데 공공서비스 개선 방안을 논의했으며, 다음 달까지 세부 계획을 마련하기로 했다."));
        var html = $"<html lang=\"ko\"><head><title>공공서비스 개선 방안 논의 - 뉴스</title></head><body><div class=\"menu\"><a href=\"/\">홈</a></div><div id=\"articleBody\">{lines}</div></body></html>";

        var text = Html.BodyText(Html.Extract(html));

        Assert.Contains("제1문단", text, StringComparison.Ordinal);
        Assert.Contains("제8문단", text, StringComparison.Ordinal);
        Assert.DoesNotContain("홈", text, StringComparison.Ordinal);
    }
}
