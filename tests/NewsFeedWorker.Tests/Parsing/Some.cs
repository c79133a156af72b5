using System.Text;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>Test data for the parse stage: the sample site's pages and the source settings that fit them.</summary>
internal static class Some
{
    public static readonly DateTimeOffset FetchedAt = new(2025, 11, 8, 9, 30, 0, TimeSpan.FromHours(9));

    public static readonly Uri SiteRoot = new("https://news.example.kr/sample/news/");

    public static readonly ArticleSelectors PortalNewsSelectors = new()
    {
        Title = "h3.heading",
        Subtitle = "h4.subheading",
        Author = ".infomation li:nth-child(1)",
        Published = ".infomation li:nth-child(2)",
        Updated = ".infomation li:nth-child(3)",
        Category = ".article-view-header .article-category",
        Summary = "meta[property='og:description']",
        Body = "#article-view-content-div",
        LeadImage = "meta[property='og:image']",
        Remove = [".ad-template", ".share-group"],
        TeaserBlock = "section.auto-section[id]",
    };

    public static readonly WeatherSelectors PortalNewsWeather = new()
    {
        Container = ".weather-list",
        Item = "li",
        Station = ".weather-area",
        Condition = ".weather-sky",
        Temperature = ".weather-temp",
        Date = ".user-date",
        Provider = ".weather-copy",
    };

    public static SourceDefinition Source(ArticleSelectors? selectors = null, WeatherSelectors? weather = null, ArticleLinkRules? links = null) => new()
    {
        Id = "portalnews",
        Name = "포탈뉴스통신",
        Schedule = "0 */15 * * * ?",
        StartUrls = [new Uri(SiteRoot, "articleList.html?sc_section_code=S1N6")],
        Selectors = selectors,
        Weather = weather,
        ArticleLinks = links ?? new ArticleLinkRules(),
        Language = "ko",
    };

    public static SourceDefinition Configured => Source(PortalNewsSelectors, PortalNewsWeather);

    public static Uri Article(int id) => new(SiteRoot, $"articleView.html?idxno={id}");

    public static byte[] SamplePage(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "SampleSite", "news", fileName));

    public static byte[] TestData(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Parsing", fileName));

    public static string TestText(string fileName) => Encoding.UTF8.GetString(TestData(fileName)).TrimEnd('\n');
}
