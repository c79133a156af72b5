using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Sources;

public sealed class SourcesFileLoaderTests
{
    private static SourcesFileException Rejects(string json) =>
        Assert.Throws<SourcesFileException>(() => SourcesFileLoader.Parse(json, "sources.json"));

    private static string With(string extra) => Some.SourcesJson(Some.MinimalSource + ", " + extra);

    [Fact]
    public void A_source_with_only_id_name_schedule_and_start_urls_is_valid_and_gets_the_defaults()
    {
        var source = Assert.Single(SourcesFileLoader.Parse(Some.SourcesJson(Some.MinimalSource), "sources.json"));

        Assert.Equal("alpha", source.Id);
        Assert.True(source.Enabled);
        Assert.Equal("Asia/Seoul", source.TimeZone);
        Assert.Null(source.Selectors);
        Assert.Equal(1, source.ArticleLinks.MaxPages);
        Assert.Equal(["news.example"], source.EffectiveAllowedHosts);
    }

    [Fact]
    public void A_missing_file_is_reported_with_its_path()
    {
        using var dir = new TempDirectory();
        var path = dir.File("nope.json");

        var error = Assert.Throws<SourcesFileException>(() => SourcesFileLoader.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void Invalid_json_is_reported_with_line_and_column()
    {
        var json = "{\n  \"sources\": [\n    { \"id\": \"alpha\" \"name\": \"x\" }\n  ]\n}";

        var error = Rejects(json);

        Assert.StartsWith("sources.json: invalid JSON at line 3, column 21: ", error.Message);
    }

    [Fact]
    public void Columns_count_characters_not_utf8_bytes()
    {
        var json = "{ \"sources\": [ { \"name\": \"포탈뉴스\" x } ] }";

        var error = Rejects(json);

        Assert.Contains("line 1, column 33:", error.Message);
    }

    [Theory]
    [InlineData("", "invalid JSON at line 1, column 1")]
    [InlineData("[]", "sources.json: the file must hold one object, { \"sources\": [ ... ] }.")]
    [InlineData("{ \"sources\": null }", "key \"sources\": must not be null")]
    [InlineData("{ }", "required key \"sources\" is missing")]
    [InlineData("{ \"sources\": [ 42 ] }", "source #1 (no id): expected an object")]
    public void A_file_without_a_list_of_sources_says_what_is_wrong(string json, string expected)
    {
        var error = Rejects(json);

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_unknown_top_level_key_is_rejected()
    {
        var error = Rejects("""{ "sources": [], "sauces": [] }""");

        Assert.Contains("unknown key \"sauces\"", error.Message);
    }

    [Fact]
    public void A_misspelt_source_key_names_the_source_and_the_key()
    {
        var error = Rejects(With("\"timezone\": \"Asia/Seoul\""));

        Assert.Equal("sources.json: source \"alpha\", unknown key \"timezone\" (check the spelling; keys are camelCase, see the README's configuration reference).", error.Message);
    }

    [Theory]
    [InlineData("\"selectors\": { \"titel\": \"h1\" }", "selectors.titel")]
    [InlineData("\"weather\": { \"stations\": \"li\" }", "weather.stations")]
    [InlineData("\"articleLinks\": { \"maxPage\": 2 }", "articleLinks.maxPage")]
    [InlineData("\"politeness\": { \"obeyRobots\": false }", "politeness.obeyRobots")]
    public void A_misspelt_nested_key_is_named_with_its_path(string extra, string key)
    {
        var error = Rejects(With(extra));

        Assert.Contains("source \"alpha\"", error.Message);
        Assert.Contains($"unknown key \"{key}\"", error.Message);
    }

    [Fact]
    public void A_missing_required_key_is_named()
    {
        var error = Rejects(Some.SourcesJson("""
            "id": "alpha", "name": "Alpha", "startUrls": ["https://news.example/"]
            """));

        Assert.Contains("source \"alpha\"", error.Message);
        Assert.Contains("required key \"schedule\" is missing", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_key()
    {
        var error = Rejects(With("\"articleLinks\": { \"maxPages\": \"two\" }"));

        Assert.Contains("source \"alpha\", key \"articleLinks.maxPages\": the value is not a whole number", error.Message);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("weather")]
    [InlineData("category")]
    public void An_id_that_a_feed_route_uses_is_rejected(string id)
    {
        var error = Rejects(Some.SourcesJson(Some.MinimalSource.Replace("\"alpha\"", $"\"{id}\"")));

        Assert.Contains($"source \"{id}\", key \"id\"", error.Message);
        Assert.Contains("taken by a feed URL", error.Message);
    }

    [Fact]
    public void A_duplicate_id_is_rejected()
    {
        var error = Rejects(Some.SourcesJson(Some.MinimalSource, Some.MinimalSource.Replace("\"Alpha\"", "\"Alpha again\"")));

        Assert.Contains("source \"alpha\", key \"id\": duplicate id", error.Message);
    }

    [Fact]
    public void An_invalid_cron_expression_names_the_source_and_the_key()
    {
        var error = Rejects(Some.SourcesJson(Some.MinimalSource.Replace("0 */15 * * * ?", "*/15 * * * *")));

        Assert.Contains("source \"alpha\", key \"schedule\": \"*/15 * * * *\" is not a valid Quartz cron expression", error.Message);
    }

    [Fact]
    public void A_cron_expression_that_never_fires_again_is_rejected()
    {
        var error = Rejects(Some.SourcesJson(Some.MinimalSource.Replace("0 */15 * * * ?", "0 0 0 1 1 ? 2020")));

        Assert.Contains("source \"alpha\", key \"schedule\": \"0 0 0 1 1 ? 2020\" is not a valid Quartz cron expression", error.Message);
        Assert.Contains("never fires again", error.Message);
    }

    [Fact]
    public void An_unknown_time_zone_names_the_source_and_the_key()
    {
        var error = Rejects(With("\"timeZone\": \"Asia/Busan\""));

        Assert.Contains("source \"alpha\", key \"timeZone\": \"Asia/Busan\" is not a known time zone", error.Message);
    }

    [Theory]
    [InlineData("news/list")]
    [InlineData("ftp://news.example/list")]
    [InlineData("file:///etc/passwd")]
    public void A_start_url_that_is_not_absolute_http_names_the_source_and_the_key(string url)
    {
        var error = Rejects(Some.SourcesJson(Some.MinimalSource.Replace("https://news.example/list", url)));

        Assert.Contains($"source \"alpha\", key \"startUrls[0]\": \"{url}\" is not an absolute http:// or https:// URL", error.Message);
    }

    [Fact]
    public void An_empty_start_url_list_is_rejected()
    {
        var error = Rejects(Some.SourcesJson(Some.MinimalSource.Replace("[\"https://news.example/list\"]", "[]")));

        Assert.Contains("source \"alpha\", key \"startUrls\": at least one URL is required", error.Message);
    }

    [Theory]
    [InlineData("\"selectors\": { \"title\": \"h1[\" }", "selectors.title", "h1[")]
    [InlineData("\"selectors\": { \"body\": \"#article p)\" }", "selectors.body", "#article p)")]
    [InlineData("\"selectors\": { \"remove\": [\".ad\", \"div:nth-child(\"] }", "selectors.remove[1]", "div:nth-child(")]
    [InlineData("\"selectors\": { \"teaserBlock\": \"section..box\" }", "selectors.teaserBlock", "section..box")]
    [InlineData("\"weather\": { \"item\": \"li:unknown-pseudo\" }", "weather.item", "li:unknown-pseudo")]
    [InlineData("\"weather\": { \"temperature\": \"\" }", "weather.temperature", "")]
    [InlineData("\"articleLinks\": { \"selector\": \"a[href*=idxno\" }", "articleLinks.selector", "a[href*=idxno")]
    [InlineData("\"articleLinks\": { \"nextPage\": \".pagination >\" }", "articleLinks.nextPage", ".pagination >")]
    public void A_css_selector_angle_sharp_cannot_parse_names_the_source_and_the_key(string extra, string key, string selector)
    {
        var error = Rejects(With(extra));

        Assert.Contains($"source \"alpha\", key \"{key}\": \"{selector}\" is not a CSS selector AngleSharp can parse", error.Message);
    }

    [Theory]
    [InlineData("\"articleLinks\": { \"urlPattern\": \"idxno=(\\\\d+\" }", "articleLinks.urlPattern")]
    [InlineData("\"articleLinks\": { \"maxPages\": 0 }", "articleLinks.maxPages")]
    [InlineData("\"encoding\": \"klingon-8\"", "encoding")]
    [InlineData("\"allowedHosts\": [\"https://news.example/\"]", "allowedHosts[0]")]
    [InlineData("\"politeness\": { \"delay\": \"-00:00:01\" }", "politeness.delay")]
    [InlineData("\"recheckWindow\": \"2 days\"", "recheckWindow")]
    [InlineData("\"language\": \"xx-notalanguage\"", "language")]
    [InlineData("\"id\": \"Alpha News\"", "id")]
    public void Other_bad_values_name_the_key(string extra, string key)
    {
        var json = extra.StartsWith("\"id\"", StringComparison.Ordinal)
            ? Some.SourcesJson(Some.MinimalSource.Replace("\"id\": \"alpha\"", extra))
            : With(extra);

        var error = Rejects(json);

        Assert.Contains($"key \"{key}\"", error.Message);
    }

    [Fact]
    public void Every_problem_in_the_file_is_listed_each_naming_its_source()
    {
        var error = Rejects(Some.SourcesJson(
            Some.MinimalSource.Replace("0 */15 * * * ?", "never"),
            Some.MinimalSource.Replace("alpha", "beta").Replace("https://news.example/list", "nowhere")));

        Assert.Contains("2 problems", error.Message);
        Assert.Contains("source \"alpha\", key \"schedule\"", error.Message);
        Assert.Contains("source \"beta\", key \"startUrls[0]\"", error.Message);
    }

    [Fact]
    public void A_source_without_an_id_is_named_by_its_position()
    {
        var error = Rejects(Some.SourcesJson(Some.MinimalSource, """
            "name": "No id", "schedule": "0 0 * * * ?", "startUrls": ["https://news.example/"]
            """));

        Assert.Contains("source #2 (no id)", error.Message);
        Assert.Contains("\"id\"", error.Message);
    }

    [Fact]
    public void Every_key_of_a_complete_configured_source_is_read()
    {
        var source = Assert.Single(SourcesFileLoader.Parse(Some.SourcesJson("""
            "id": "portalnews", "name": "포탈뉴스통신", "enabled": false, "schedule": "0 */15 * * * ?",
            "timeZone": "Asia/Seoul", "language": "ko", "startUrls": ["https://www.portalnews.co.kr/news/articleList.html"],
            "allowedHosts": ["www.portalnews.co.kr"], "encoding": "euc-kr",
            "articleLinks": { "selector": "a[href*='idxno=']", "urlPattern": "idxno=\\d+$", "nextPage": ".next a", "maxPages": 3, "maxArticles": 7 },
            "selectors": { "title": "h3.heading", "subtitle": "h4.subheading", "author": ".writer", "published": ".date",
                           "updated": ".updated", "category": ".section", "summary": "meta[name=description]", "body": "#article-view-content-div",
                           "credit": "p:last-of-type", "leadImage": "figure img", "remove": [".ad"], "teaserBlock": "section.box-skin" },
            "weather": { "enabled": true, "container": ".weather", "item": "li", "station": ".area", "condition": ".state",
                         "temperature": ".degree", "date": ".today", "provider": ".provider" },
            "politeness": { "delay": "00:00:02", "maxConcurrency": 2, "obeyRobotsTxt": false },
            "categories": ["지역뉴스"], "recheckWindow": "2.00:00:00", "dateFormats": ["yyyy.MM.dd HH:mm"]
            """), "sources.json"));

        Assert.False(source.Enabled);
        Assert.Equal("euc-kr", source.Encoding);
        Assert.Equal(7, source.ArticleLinks.MaxArticles);
        Assert.Equal("#article-view-content-div", source.Selectors!.Body);
        Assert.Equal([".ad"], source.Selectors.Remove);
        Assert.Equal(".degree", source.Weather!.Temperature);
        Assert.Equal(TimeSpan.FromSeconds(2), source.Politeness.Delay);
        Assert.False(source.Politeness.ObeyRobotsTxt);
        Assert.Equal(TimeSpan.FromDays(2), source.RecheckWindow);
        Assert.Equal(["지역뉴스"], source.Categories);
    }

    [Fact]
    public void The_shipped_sources_file_is_valid_and_includes_the_offline_sample()
    {
        var sources = SourcesFileLoader.Load(Path.Combine(RepositoryRoot(), "config", "sources.json"));

        var sample = Assert.Single(sources, s => s.Id == "sample");
        Assert.Equal(new Uri("http://127.0.0.1:5080/sample/"), sample.StartUrls[0]);
        Assert.Contains(sources, s => s.Id == "portalnews" && s.Selectors is not null && s.Weather is not null);
    }

    [Fact]
    public void The_readme_example_is_valid_and_is_the_shipped_seed_site_source()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var start = readme.IndexOf("```json\n{\n  \"sources\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no complete sources.json example");
        var json = readme[(start + "```json\n".Length)..readme.IndexOf("```", start + 7, StringComparison.Ordinal)];

        var example = Assert.Single(SourcesFileLoader.Parse(json, "README.md"));
        var shipped = SourcesFileLoader.Load(Path.Combine(RepositoryRoot(), "config", "sources.json")).Single(s => s.Id == example.Id);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(shipped), System.Text.Json.JsonSerializer.Serialize(example));
        Assert.NotNull(example.Selectors?.Body);
        Assert.NotNull(example.Weather?.Item);
    }

    [Theory]
    [InlineData(typeof(SourceDefinition))]
    [InlineData(typeof(ArticleLinkRules))]
    [InlineData(typeof(ArticleSelectors))]
    [InlineData(typeof(WeatherSelectors))]
    [InlineData(typeof(PolitenessSettings))]
    [InlineData(typeof(MatchConditions))]
    [InlineData(typeof(TopicDefinition))]
    [InlineData(typeof(AlertTarget))]
    public void Every_sources_json_key_is_documented_in_the_readme(Type type)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var keys = type.GetProperties().Where(p => p.CanWrite).Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name));

        // Documented as `key`, `section.key`, or in a list such as `title`, `subtitle` ….
        Assert.All(keys, key => Assert.Matches($"[`.]{key}\\b", readme));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsFeedWorker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NewsFeedWorker.sln not found above the test output folder.");
    }
}
