using System.CommandLine;
using System.Text.Json;
using NewsFeedWorker.Cli;

namespace NewsFeedWorker.Tests.Cli;

public sealed class ScrapeCommandTests
{
    private static readonly string SeedPage = Path.Combine(AppContext.BaseDirectory, "SampleSite", "news", "article-1001.html");
    private const string SeedUrl = "https://news.example.kr/sample/news/articleView.html?idxno=1001";

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ScrapeCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_saved_page_in_generic_mode_prints_one_json_object_with_every_key()
    {
        var (exitCode, output, error) = await RunAsync("--file", SeedPage, "--url", SeedUrl, "--json");

        Assert.True(error.Length == 0, error);
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["articles", "weather", "teasers", "links", "errors"], root.EnumerateObject().Select(p => p.Name));

        var article = Assert.Single(root.GetProperty("articles").EnumerateArray());
        Assert.Equal(
            ["url", "title", "subtitle", "author", "published", "updated", "category", "origin", "summary", "text", "html", "images", "methods"],
            article.EnumerateObject().Select(p => p.Name));
        Assert.Equal("행정안전부, '제8회 전자정부의 날' 기념행사 개최, AI시대 공공AX 본격화 논의", article.GetProperty("title").GetString());
        Assert.Equal("행정안전부", article.GetProperty("origin").GetString());
        Assert.Equal(SeedUrl, article.GetProperty("url").GetString());

        var weather = Assert.Single(root.GetProperty("weather").EnumerateArray());
        Assert.Equal("기상청", weather.GetProperty("provider").GetString());
        Assert.Equal("2025-11-08", weather.GetProperty("observedAt").GetString());
        var readings = weather.GetProperty("readings").EnumerateArray().ToList();
        Assert.Equal(16, readings.Count);
        Assert.Equal("동두천", readings[0].GetProperty("station").GetString());
        Assert.Equal("흐림", readings[0].GetProperty("condition").GetString());
        Assert.Equal(14.3m, readings[0].GetProperty("temperatureC").GetDecimal());
        Assert.Equal(JsonValueKind.Null, readings[5].GetProperty("condition").ValueKind);

        Assert.Equal(["정치", "정치", "사회"], root.GetProperty("teasers").EnumerateArray().Select(t => t.GetProperty("section").GetString()));
        Assert.Contains("https://news.example.kr/sample/news/articleView.html?idxno=1002", root.GetProperty("links").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task A_saved_page_with_noncharacters_and_a_cut_emoji_is_reported_not_thrown()
    {
        var poison = Path.Combine(AppContext.BaseDirectory, "TestData", "Hostile", "poison-article.html");

        var (exitCode, output, error) = await RunAsync("--file", poison, "--url", SeedUrl, "--json");

        Assert.True(error.Length == 0, error);
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var article = Assert.Single(json.RootElement.GetProperty("articles").EnumerateArray());
        Assert.Contains("비문자 \uFFFD 하나와", article.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_markup_bomb_ends_with_one_line_saying_why()
    {
        using var directory = new TempDirectory();
        var bomb = directory.Write("bomb.html", "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 50_000)) + "</body></html>");

        var (exitCode, _, error) = await RunAsync("--file", bomb, "--url", SeedUrl);

        Assert.Equal(ScrapeCommand.FetchFailedExitCode, exitCode);
        Assert.Equal($"scrape: could not parse {SeedUrl}: too complex: markup nested deeper than 1,000 levels{Environment.NewLine}", error);
    }

    [Fact]
    public async Task The_human_report_shows_each_field_with_its_method()
    {
        var (exitCode, output, _) = await RunAsync("--file", SeedPage, "--url", SeedUrl);

        Assert.Equal(0, exitCode);
        Assert.Contains($"== {SeedUrl}", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  title\s+(jsonld|meta|heuristic)\s+행정안전부, '제8회 전자정부의 날'", output);
        Assert.Matches(@"(?m)^  origin\s+heuristic\s+행정안전부$", output);
        Assert.Contains("weather: 기상청 2025-11-08, 16 reading(s): 흐림 동두천 14.3℃", output, StringComparison.Ordinal);
        Assert.Contains("teaser [사회] 다시 돌아온 ‘경기 살리기 통큰 세일’", output, StringComparison.Ordinal);
        Assert.Contains("nothing was stored", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_source_or_url_it_says_what_is_missing()
    {
        var (exitCode, _, error) = await RunAsync();

        Assert.Equal(ScrapeCommand.UsageExitCode, exitCode);
        Assert.Equal("scrape: name a SOURCE_ID, or give --url URL (or --file PATH).", error.Trim());
    }

    [Fact]
    public async Task A_missing_file_is_a_one_line_error()
    {
        var (exitCode, _, error) = await RunAsync("--file", "/nonexistent/page.html");

        Assert.Equal(ScrapeCommand.UsageExitCode, exitCode);
        Assert.Equal("scrape: no such file /nonexistent/page.html.", error.Trim());
    }
}
