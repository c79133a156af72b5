using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing.Generic;

public sealed class GenericExtractorHydrationTests
{
    private const string ContentHtml =
        "<p>(서울=연합뉴스) 정부는 8일 인공지능 기본계획을 발표하고, 공공 부문의 AI 전환을 앞당기기 위해 예산과 인력을 확대하기로 했다.</p>"
        + "<p>계획에 따르면 각 부처는 내년 상반기까지 업무 전반을 점검하고, 자동화가 가능한 업무부터 단계적으로 전환한다.</p>"
        + "<p>정부 관계자는 \"국민이 체감할 수 있는 변화를 만들겠다\"고 말했다.</p>";

    private static string Shell(string scripts)
        => $"""
            <html lang="ko"><head><title>뉴스 - 기사 보기</title></head>
            <body><div id="__next"><div class="loading">로딩 중...</div></div>{scripts}</body></html>
            """;

    private static string JsonString(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    [Fact]
    public void Next_data_article_becomes_the_content_when_the_dom_has_no_body()
    {
        var nextData = $$$"""
            {"props":{"pageProps":{"menu":[{"title":"정치","url":"/politics"}],
              "article":{"id":123,"title":"정부, AI 기본계획 발표","subTitle":"공공 부문 AI 전환 가속","reporter":{"name":"홍길동"},
                "publishedAt":"2025-11-08T14:30:00+09:00","contentHtml":{{{JsonString(ContentHtml)}}}},
              "related":[{"title":"다른 기사","summary":"짧은 요약"}]}},"page":"/article/[id]"}
            """;
        var extraction = Html.Extract(Shell($"<script id=\"__NEXT_DATA__\" type=\"application/json\">{nextData}</script>"));

        var text = Html.BodyText(extraction);
        Assert.StartsWith("(서울=연합뉴스) 정부는 8일", text, StringComparison.Ordinal);
        Assert.Contains("말했다.", text, StringComparison.Ordinal);
        Assert.Equal(3, extraction.Content!.QuerySelectorAll("p").Length);
        Assert.Equal(ExtractionMethod.Script, extraction.Methods["body"]);
        Assert.Equal("공공 부문 AI 전환 가속", extraction.Subtitle);
        Assert.Equal("홍길동", extraction.Byline);
        Assert.Equal("2025-11-08T14:30:00+09:00", extraction.PublishedText);
        Assert.Equal(ExtractionMethod.Script, extraction.Methods["subtitle"]);
    }

    [Fact]
    public void Window_assignment_of_apollo_state_is_read()
    {
        var state = $$$"""{"ROOT_QUERY":{"x":1},"Article:9":{"__typename":"Article","headline":"국회, 예산안 처리","articleBody":{{{JsonString(ContentHtml)}}}}}""";
        var extraction = Html.Extract(Shell($"<script>window.__APOLLO_STATE__ = {state};window.other = 1;</script>"));

        Assert.Contains("인공지능 기본계획", Html.BodyText(extraction), StringComparison.Ordinal);
        Assert.Equal(ExtractionMethod.Script, extraction.Methods["body"]);
    }

    [Fact]
    public void Next_flight_pushes_are_joined_and_searched()
    {
        var line = $$$"""5:{"article":{"title":"정부, AI 기본계획 발표","content":{{{JsonString(ContentHtml)}}}}}""" + "\n";
        var half = line.Length / 2;
        var scripts = $"<script>(self.__next_f=self.__next_f||[]).push([0])</script>"
            + $"<script>self.__next_f.push([1,{JsonString(line[..half])}])</script>"
            + $"<script>self.__next_f.push([1,{JsonString(line[half..])}])</script>";

        var extraction = Html.Extract(Shell(scripts));

        Assert.Contains("단계적으로 전환한다.", Html.BodyText(extraction), StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_body_in_hydration_data_becomes_paragraphs()
    {
        var body = "첫째 문단입니다. 정부는 8일 인공지능 기본계획을 발표하고 공공 부문의 AI 전환을 앞당기기로 했다.\n\n"
            + "둘째 문단입니다. 각 부처는 내년 상반기까지 업무 전반을 점검하고 자동화가 가능한 업무부터 전환한다.\n\n"
            + "셋째 문단입니다. 정부 관계자는 국민이 체감할 수 있는 변화를 만들겠다고 말했다.";
        var extraction = Html.Extract(Shell($$$"""<script type="application/json">{"data":{"title":"기사","body":{{{JsonString(body)}}}}}</script>"""));

        Assert.Equal(3, extraction.Content!.QuerySelectorAll("p").Length);
    }

    [Fact]
    public void Hydration_data_is_ignored_when_the_dom_holds_the_article()
    {
        var nextData = "{\"props\":{\"pageProps\":{\"article\":{\"title\":\"Stale title\",\"contentHtml\":\"" + new string('x', 400) + "\"}}}}";
        var html = $"<html><head><title>Council approves sea wall repairs before winter</title></head><body><article>{Html.Paragraphs(6)}</article>"
            + $"<script id=\"__NEXT_DATA__\" type=\"application/json\">{nextData}</script></body></html>";

        var extraction = Html.Extract(html);

        Assert.Equal(ExtractionMethod.Heuristic, extraction.Methods["body"]);
        Assert.DoesNotContain("xxxx", Html.BodyText(extraction), StringComparison.Ordinal);
    }

    [Fact]
    public void Hydration_data_replaces_a_server_rendered_lead_when_it_holds_much_more_text()
    {
        var full = string.Concat(Enumerable.Range(1, 8).Select(i => $"<p>문단 {i}: 정부는 8일 인공지능 기본계획을 발표하고, 공공 부문의 AI 전환을 앞당기기 위해 예산과 인력을 확대하기로 했다.</p>"));
        var nextData = "{\"props\":{\"pageProps\":{\"article\":{\"title\":\"정부, AI 기본계획 발표\",\"contentHtml\":" + JsonString(full) + "}}}}";
        var html = "<html lang=\"ko\"><head><title>정부, AI 기본계획 발표</title></head><body><article>"
            + "<p>문단 1: 정부는 8일 인공지능 기본계획을 발표하고, 공공 부문의 AI 전환을 앞당기기 위해 예산과 인력을 확대하기로 했다. 앱에서 전체 기사를 확인하세요.</p>"
            + "<p>문단 2: 정부는 8일 인공지능 기본계획을 발표하고, 공공 부문의 AI 전환을 앞당기기 위해 예산과 인력을 확대하기로 했다.</p>"
            + $"</article><script id=\"__NEXT_DATA__\" type=\"application/json\">{nextData}</script></body></html>";

        var extraction = Html.Extract(html);

        Assert.Equal(ExtractionMethod.Script, extraction.Methods["body"]);
        Assert.Contains("문단 8:", Html.BodyText(extraction), StringComparison.Ordinal);
    }

    [Fact]
    public void Arc_style_global_content_with_text_blocks_is_joined_into_paragraphs()
    {
        var blocks = string.Join(",", Enumerable.Range(1, 4).Select(i =>
            $"{{\"type\":\"text\",\"content\":{JsonString($"문단 {i}: 정부는 8일 인공지능 기본계획을 발표하고, 공공 부문의 AI 전환을 앞당기기로 했다.")}}}"));
        var content = "{\"headlines\":{\"basic\":\"정부, AI 기본계획 발표\"},\"credits\":{\"by\":[{\"name\":\"김기자\"}]},"
            + "\"display_date\":\"2025-11-08T05:30:00Z\",\"content_elements\":["
            + blocks + ",{\"type\":\"image\",\"url\":\"https://img.example.kr/1.jpg\",\"caption\":\"사진 설명 문구\"}]}";

        var extraction = Html.Extract(Shell($"<script>Fusion.globalContent = {content};Fusion.spa=false;</script>"));

        Assert.Equal(4, extraction.Content!.QuerySelectorAll("p").Length);
        Assert.Equal("김기자", extraction.Byline);
        Assert.Equal("2025-11-08T05:30:00Z", extraction.PublishedText);
        Assert.DoesNotContain("사진 설명", Html.BodyText(extraction), StringComparison.Ordinal);
    }

    [Fact]
    public void Scripts_that_are_not_json_are_skipped_without_error()
    {
        var extraction = Html.Extract(Shell("<script>window.config = {a: 1, b: function() { return 2; }}; var x = y == {z: 1};" + new string(' ', 300) + "</script>"));

        Assert.Null(extraction.Content);
    }

    public static TheoryData<string> LoneSurrogateScripts => new()
    {
        "<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"article\":{\"title\":\"잘린 이모지 \\ud83d\",\"contentHtml\":" + JsonString(ContentHtml) + "}}}</script>",
        "<script>window[\"__RQ_x\"].push({\"queries\":[{\"state\":{\"data\":{\"title\":\"잘린 이모지 \\ud83d\",\"contentHtml\":" + JsonString(ContentHtml) + "}}}]})</script>",
        "<script>self.__next_f.push([1," + JsonString("5:{\"title\":\"잘린 이모지 \\ud83d\",\"contentHtml\":" + JsonString(ContentHtml) + "}\n") + "])</script>",
        "<script>self.__next_f.push([1,\"잘린 \\ud83d\"])</script><script>self.__next_f.push([1," + JsonString("\n5:{\"title\":\"제목\",\"contentHtml\":" + JsonString(ContentHtml) + "}\n") + "])</script>",
    };

    // A CMS that cuts a headline in the middle of an emoji writes a lone surrogate escape; reading it must not throw.
    [Theory]
    [MemberData(nameof(LoneSurrogateScripts))]
    public void A_lone_surrogate_escape_in_hydration_data_reads_as_a_replacement_character(string script)
    {
        var extraction = Html.Extract(Shell(script));

        Assert.Contains("인공지능 기본계획", Html.BodyText(extraction), StringComparison.Ordinal);
        Assert.Equal(ExtractionMethod.Script, extraction.Methods["body"]);
    }

    [Fact]
    public void A_flight_text_row_referenced_by_the_article_becomes_its_body()
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(ContentHtml);
        var flight = $"1c:T{bytes:x},{ContentHtml}1d:{{\"article\":{{\"title\":\"정부, AI 기본계획 발표\",\"contentHtml\":\"$1c\"}}}}\n";
        var extraction = Html.Extract(Shell($"<script>self.__next_f.push([1,{JsonString(flight)}])</script>"));

        Assert.Equal(3, extraction.Content!.QuerySelectorAll("p").Length);
        Assert.StartsWith("(서울=연합뉴스) 정부는 8일", Html.BodyText(extraction), StringComparison.Ordinal);
        Assert.EndsWith("말했다.", Html.BodyText(extraction), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("window.dataLayer.push({\"event\":\"page_view\"}); window[\"__RQ_a\"].push(")]
    [InlineData("(window[\"__STATE__\"] = window[\"__STATE__\"] || []).push(")]
    [InlineData("window.__PRELOADED_STATE__ = ")]
    [InlineData("window.__INITIAL_STATE__=")]
    public void Article_objects_pushed_or_assigned_in_scripts_are_read(string prefix)
    {
        var state = "{\"entities\":{\"article\":{\"headline\":\"국회, 예산안 처리\",\"articleBody\":" + JsonString(ContentHtml) + "}}}";
        var extraction = Html.Extract(Shell($"<script>{prefix}{state});</script>"));

        Assert.Contains("인공지능 기본계획", Html.BodyText(extraction), StringComparison.Ordinal);
    }

    [Fact]
    public void A_nuxt_payload_that_refers_to_itself_ends_without_an_article()
    {
        // Entry 1 holds itself and entry 2 twice, so a naive decoder loops or grows without end.
        var payload = "[[\"Reactive\",1],{\"self\":1,\"a\":2,\"b\":2},{\"x\":1,\"y\":1,\"title\":3},\"" + new string('t', 300) + "\"]";
        var extraction = Html.Extract(Shell($"<script type=\"application/json\" id=\"__NUXT_DATA__\">{payload}</script>"));

        Assert.Null(extraction.Content);
    }
}
