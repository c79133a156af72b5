using System.Globalization;
using System.Text;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>Golden tests on the sample site's article pages (modeled on the seed page), configured mode.</summary>
public sealed class PageParserArticleTests
{
    private static readonly PageParser Parser = new();

    private static PageParseResult ParseSeed() =>
        Parser.Parse(Some.SamplePage("article-1001.html"), Encoding.UTF8, Some.Article(1001), Some.Configured, Some.FetchedAt);

    [Fact]
    public void The_seed_article_gives_every_field_from_its_selectors()
    {
        var result = ParseSeed();

        var article = Assert.IsType<Article>(result.Article);
        Assert.Null(result.NoArticleReason);
        Assert.Empty(result.Errors);
        Assert.Equal(Some.Article(1001), article.Url);
        Assert.Equal("행정안전부, '제8회 전자정부의 날' 기념행사 개최, AI시대 공공AX 본격화 논의", article.Title);
        Assert.Equal("6월 25일 정부세종컨벤션센터에서 ‘제8회 전자정부의 날’ 기념행사 개최", article.Subtitle);
        Assert.Equal("이정민", article.Author);
        Assert.Equal(new DateTimeOffset(2025, 6, 25, 16, 12, 0, TimeSpan.FromHours(9)), article.Published);
        Assert.Equal(new DateTimeOffset(2025, 6, 25, 17, 5, 0, TimeSpan.FromHours(9)), article.Updated);
        Assert.Equal("IT/과학", article.Category);
        Assert.Equal("6월 25일 정부세종컨벤션센터에서 ‘제8회 전자정부의 날’ 기념행사 개최", article.Summary);
        Assert.Equal("행정안전부", article.Origin);
        Assert.Equal("ko", article.Language);
        Assert.Equal(new Uri(Some.SiteRoot, "photo/202506/1001_2001_1530.jpg"), article.LeadImage);
        Assert.Empty(article.Images);
        Assert.Equal(Some.TestText("article-1001.expected.txt"), article.BodyText);
    }

    [Fact]
    public void The_seed_article_records_how_each_field_was_found()
    {
        var methods = ParseSeed().Article!.Methods;

        Assert.Equal(
            new Dictionary<string, ExtractionMethod>
            {
                ["url"] = ExtractionMethod.Meta,
                ["title"] = ExtractionMethod.Selector,
                ["subtitle"] = ExtractionMethod.Selector,
                ["author"] = ExtractionMethod.Selector,
                ["published"] = ExtractionMethod.Selector,
                ["updated"] = ExtractionMethod.Selector,
                ["category"] = ExtractionMethod.Selector,
                ["summary"] = ExtractionMethod.Selector,
                ["body"] = ExtractionMethod.Selector,
                ["leadImage"] = ExtractionMethod.Selector,
                ["origin"] = ExtractionMethod.Heuristic,
                ["language"] = ExtractionMethod.Meta,
            }.OrderBy(p => p.Key),
            methods.OrderBy(p => p.Key));
    }

    [Fact]
    public void The_seed_body_keeps_the_dateline_and_drops_credit_ads_scripts_and_contact_lines()
    {
        var article = ParseSeed().Article!;

        Assert.StartsWith("(포탈뉴스통신) 행정안전부는 6월 25일", article.BodyText, StringComparison.Ordinal);
        Assert.StartsWith("<p>(포탈뉴스통신) 행정안전부는", article.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(12, CountOf(article.BodyHtml, "<p>"));
        foreach (var unwanted in new[] { "뉴스출처", "news@portalnews.example", "adsbygoogle", "<script", "<ins", "&nbsp;", "무단전재" })
        {
            Assert.DoesNotContain(unwanted, article.BodyHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_widget_nav_teaser_or_footer_text_leaks_into_the_seed_body()
    {
        var article = ParseSeed().Article!;

        foreach (var leak in new[]
        {
            "기상청", "℃", "흐림", "2025.11.08", "더보기", "정치", "경제핫이슈", "포토이슈", "통큰 세일", "많이 본 뉴스", "회원가입",
            "페이스북", "관련기사", "댓글", "Copyright", "저작권자", "이정민 기자", "회사소개", "본문 바로가기",
        })
        {
            Assert.DoesNotContain(leak, article.BodyText, StringComparison.Ordinal);
            Assert.DoesNotContain(leak, article.BodyHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_seed_weather_widget_gives_exactly_its_16_readings_in_order()
    {
        var snapshot = Assert.Single(ParseSeed().Weather);

        Assert.Equal("기상청", snapshot.Provider);
        Assert.Equal(new DateOnly(2025, 11, 8), snapshot.ObservedOn);
        Assert.Equal(SeedReadings(), snapshot.Readings);
    }

    [Fact]
    public void The_seed_weather_widget_is_found_by_its_shape_without_weather_selectors()
    {
        var source = Some.Source(Some.PortalNewsSelectors, weather: null);
        var result = Parser.Parse(Some.SamplePage("article-1001.html"), Encoding.UTF8, Some.Article(1001), source, Some.FetchedAt);

        var snapshot = Assert.Single(result.Weather);
        Assert.Equal("기상청", snapshot.Provider);
        Assert.Equal(new DateOnly(2025, 11, 8), snapshot.ObservedOn);
        Assert.Equal(SeedReadings(), snapshot.Readings);
    }

    [Fact]
    public void The_seed_section_blocks_give_their_teasers()
    {
        var expected = new[]
        {
            new SectionTeaser("정치", "국회 행안위, 지방자치법 일부개정안 심사", Some.Article(998), null),
            new SectionTeaser("정치", "여야, 추경 처리 일정 합의", Some.Article(999), null),
            new SectionTeaser(
                "사회",
                "다시 돌아온 ‘경기 살리기 통큰 세일’…경상원 “소비자 편의 위해 절차·혜택 대폭 개선”",
                Some.Article(1002),
                "(포탈뉴스통신) 지난 6월 경기도 내 400여 개 상권이 참여해 최대 20%의 페이백을 지급한 대규모 소비 촉진 행사 ‘경기 살리기 통큰 세일’이 다시 찾아왔다. 경기도시장상권진흥원은 하반기 통큰 세일을 오는 22일부터 30일까지 경기도 전역에서 진행한다고 밝혔다."),
        };

        Assert.Equal(expected, ParseSeed().Teasers);

        // By shape (heading + 더보기 + article links), without the block selector: the same teasers.
        var generic = Some.Source(Some.PortalNewsSelectors with { TeaserBlock = null }, Some.PortalNewsWeather);
        Assert.Equal(expected, Parser.Parse(Some.SamplePage("article-1001.html"), Encoding.UTF8, Some.Article(1001), generic, Some.FetchedAt).Teasers);
    }

    [Fact]
    public void The_seed_page_lists_its_article_links_without_itself_or_list_pages()
    {
        var links = ParseSeed().ArticleLinks;

        Assert.Equal([Some.Article(880), Some.Article(995), Some.Article(996), Some.Article(998), Some.Article(999), Some.Article(1002), Some.Article(1003)], links);
        Assert.Null(ParseSeed().NextPage);
    }

    [Fact]
    public void The_second_article_promotes_lazy_images_absolutizes_urls_and_sanitizes()
    {
        var result = Parser.Parse(Some.SamplePage("article-1002.html"), Encoding.UTF8, Some.Article(1002), Some.Configured, Some.FetchedAt);

        var article = Assert.IsType<Article>(result.Article);
        Assert.Empty(result.Errors);
        Assert.Equal("다시 돌아온 ‘경기 살리기 통큰 세일’…경상원 “소비자 편의 위해 절차·혜택 대폭 개선”", article.Title);
        Assert.Equal("하반기 통큰 세일 22일부터 30일까지…경기지역화폐 자동 페이백으로 대기 없이", article.Subtitle);
        Assert.Equal("김도윤", article.Author);
        Assert.Equal("사회", article.Category);
        Assert.Equal("경기도시장상권진흥원", article.Origin);
        Assert.Equal(new DateTimeOffset(2025, 9, 19, 10, 20, 0, TimeSpan.FromHours(9)), article.Published);
        Assert.Equal(new DateTimeOffset(2025, 9, 19, 11, 2, 0, TimeSpan.FromHours(9)), article.Updated);
        var photo = new Uri(Some.SiteRoot, "photo/202509/1002_3001_2210.jpg");
        Assert.Equal([photo], article.Images);
        Assert.Equal(photo, article.LeadImage);
        Assert.Equal(Some.TestText("article-1002.expected.txt"), article.BodyText);

        Assert.Contains($"src=\"{photo.AbsoluteUri}\"", article.BodyHtml, StringComparison.Ordinal);
        Assert.Contains($"srcset=\"{photo.AbsoluteUri} 1x, {new Uri(Some.SiteRoot, "photo/202509/1002_3001_2210_2x.jpg").AbsoluteUri} 2x\"", article.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<figcaption>경기 살리기 통큰 세일 포스터. (사진=경기도시장상권진흥원)</figcaption>", article.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"https://news.example.kr/sample/news/articleList.html?sc_word=%EC%B0%A9\"", article.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<h4>자동 페이백으로 대기 시간 해소</h4>", article.BodyHtml, StringComparison.Ordinal);
        foreach (var unsafePart in new[] { "onclick", "onerror", "javascript:", "<iframe", "youtube", "data-src", "loading.gif", "relation", "상반기 통큰 세일, 매출", "기자 =", "무단전재" })
        {
            Assert.DoesNotContain(unsafePart, article.BodyHtml, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_euc_kr_copy_gives_the_same_article_as_the_utf8_page()
    {
        var bytes = Some.TestData("article-1001.euc-kr.html");
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));

        var eucKr = CodePagesEncodingProvider.Instance.GetEncoding("euc-kr")!;
        var declared = Parser.Parse(bytes, eucKr, Some.Article(1001), Some.Configured, Some.FetchedAt);
        // The fetch stage guessed UTF-8: the page's own meta charset wins.
        var misdetected = Parser.Parse(bytes, Encoding.UTF8, Some.Article(1001), Some.Configured, Some.FetchedAt);

        foreach (var result in new[] { declared, misdetected })
        {
            Assert.Equal("행정안전부, '제8회 전자정부의 날' 기념행사 개최, AI시대 공공AX 본격화 논의", result.Article!.Title);
            Assert.Equal(Some.TestText("article-1001.expected.txt"), result.Article.BodyText);
            Assert.Equal("행정안전부", result.Article.Origin);
            Assert.Equal(SeedReadings(), Assert.Single(result.Weather).Readings);
        }
    }

    [Fact]
    public void A_selector_that_matches_nothing_is_reported_and_the_field_stays_empty_or_falls_back()
    {
        var selectors = Some.PortalNewsSelectors with { Subtitle = "h4.no-such-subtitle", Published = "li.no-such-date" };
        var source = Some.Source(selectors, Some.PortalNewsWeather);

        var result = Parser.Parse(Some.SamplePage("article-1001.html"), Encoding.UTF8, Some.Article(1001), source, Some.FetchedAt);

        Assert.Contains(result.Errors, e => e.StartsWith("subtitle: selector 'h4.no-such-subtitle' matched nothing", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("published: selector 'li.no-such-date' matched nothing", StringComparison.Ordinal));
        Assert.Equal("행정안전부, '제8회 전자정부의 날' 기념행사 개최, AI시대 공공AX 본격화 논의", result.Article!.Title);
        Assert.NotEqual(ExtractionMethod.Selector, result.Article.Methods.GetValueOrDefault("published", ExtractionMethod.Heuristic));
    }

    [Fact]
    public void A_field_whose_selector_finds_no_date_falls_back_to_generic_and_says_so()
    {
        // Article 1003 was never updated: the third byline item is the comment count, not a date.
        var result = Parser.Parse(Some.SamplePage("article-1003.html"), Encoding.UTF8, Some.Article(1003), Some.Configured, Some.FetchedAt);

        var article = result.Article!;
        Assert.Equal("updated: no date in '댓글 0' (selector '.infomation li:nth-child(3)'); used generic extraction", Assert.Single(result.Errors));
        Assert.Equal(new DateTimeOffset(2025, 11, 1, 9, 10, 0, TimeSpan.FromHours(9)), article.Published);
        Assert.Equal(ExtractionMethod.Selector, article.Methods["published"]);
        Assert.Equal(new DateTimeOffset(2025, 11, 1, 9, 10, 0, TimeSpan.FromHours(9)), article.Updated);
        Assert.NotEqual(ExtractionMethod.Selector, article.Methods["updated"]);
        Assert.Equal("영덕군", article.Origin);
        Assert.Equal("지역", article.Category);
    }

    [Fact]
    public void A_labelled_date_selector_text_is_read_and_a_missing_field_comes_from_the_page_metadata()
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 3).Select(i => $"<p>제{i}문단: 영덕군은 강구항에서 대게 위판을 열고 어민들과 함께 첫 출하를 축하했다고 밝혔다.</p>"));
        var html = "<html><head><title>대게 첫 위판</title></head><body>"
            + "<div class=\"art_info\"><span class=\"writer\">김민준 기자</span> <span class=\"date\">등록 2025.06.25 14:32:08</span>"
            + " <span class=\"date\">수정 2025.06.25 14:35:10</span></div>"
            + $"<div id=\"news_body_area\">{paragraphs}</div></body></html>";
        var source = Some.Source(new NewsFeedWorker.Sources.ArticleSelectors { Title = "title", Published = ".art_info .date", Body = "#news_body_area" });

        var result = Parser.Parse(Encoding.UTF8.GetBytes(html), Encoding.UTF8, Some.Article(5), source, Some.FetchedAt);

        var article = result.Article!;
        Assert.Empty(result.Errors);
        Assert.Equal(new DateTimeOffset(2025, 6, 25, 14, 32, 8, TimeSpan.FromHours(9)), article.Published);
        Assert.Equal(ExtractionMethod.Selector, article.Methods["published"]);
        // No updated selector: the labelled text on the page gives it, without scoring the page's content.
        Assert.Equal(new DateTimeOffset(2025, 6, 25, 14, 35, 10, TimeSpan.FromHours(9)), article.Updated);
        Assert.Equal(ExtractionMethod.Heuristic, article.Methods["updated"]);
    }

    [Fact]
    public void One_parser_serves_many_threads_at_once()
    {
        // The worker registers one PageParser for every job: shared parser, sanitizer and selector cache must hold up.
        var pages = new[] { ("article-1001.html", 1001), ("article-1002.html", 1002) };
        var texts = new System.Collections.Concurrent.ConcurrentBag<(int Id, string Text)>();
        Parallel.For(0, 32, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (file, id) = pages[i % 2];
            texts.Add((id, Parser.Parse(Some.SamplePage(file), Encoding.UTF8, Some.Article(id), Some.Configured, Some.FetchedAt).Article!.BodyText));
        });

        Assert.Equal(32, texts.Count);
        Assert.All(texts, t => Assert.Equal(Some.TestText($"article-{t.Id}.expected.txt"), t.Text));
    }

    [Fact]
    public void An_untitled_page_with_a_real_body_is_titled_by_its_opening_words()
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<p>제{i}문단: 행정안전부는 지능정보화책임관 협의회를 열어 공공부문 인공지능 전환 계획과 일정, 예산과 인력 운용 방안을 함께 논의했다고 밝혔다. 참석자들은 후속 회의를 열기로 했다.</p>"));
        var html = $"<html><body><div class=\"content\">{paragraphs}</div></body></html>";

        var source = Some.Source(new NewsFeedWorker.Sources.ArticleSelectors { Title = "h1", Body = "div.content" });

        var article = Parser.Parse(Encoding.UTF8.GetBytes(html), Encoding.UTF8, Some.Article(77), source, Some.FetchedAt).Article!;

        Assert.EndsWith("…", article.Title, StringComparison.Ordinal);
        Assert.InRange(article.Title.Length, 41, 81);
        Assert.StartsWith(article.Title.TrimEnd('…') + " ", article.BodyText, StringComparison.Ordinal);
        Assert.Equal(ExtractionMethod.Heuristic, article.Methods["title"]);
    }

    internal static IReadOnlyList<WeatherReading> SeedReadings() =>
        [.. Some.TestText("seed-readings.tsv").Split('\n').Select(line => line.Split('\t')).Select(f =>
            new WeatherReading(f[0], f[1].Length == 0 ? null : f[1], decimal.Parse(f[2], CultureInfo.InvariantCulture)))];

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
