using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Benchmarks.Extraction;

/// <summary>The configured-mode source for <c>Data/ndsoft-article.html</c>: selectors as an operator would write them for an ndsoft CMS site.</summary>
internal static class NdsoftArticleSource
{
    public static Uri PageUrl { get; } = new("https://www.portalnews.example/news/article.html?no=158203");

    public static SourceDefinition Configured { get; } = new()
    {
        Id = "portalnews",
        Name = "포탈뉴스",
        Schedule = "0 */15 * * * ?",
        Language = "ko",
        StartUrls = [new Uri("https://www.portalnews.example/news/section_list_all.html?sec_no=56")],
        Selectors = new ArticleSelectors
        {
            Title = "h1.art_title",
            Subtitle = "h2.art_subtitle",
            Author = ".art_info .writer",
            Published = ".art_info .date",
            Category = ".article_head .cate",
            Body = "#news_body_area",
            Credit = "#news_body_area .news_source",
            LeadImage = "#news_body_area img",
            Remove = [".art_util", ".ad_article", "script", "style"],
            TeaserBlock = ".section_block",
        },
        Weather = new WeatherSelectors
        {
            Container = ".weather_box",
            Item = ".weather_list li",
            Station = ".w_area",
            Condition = ".w_sky",
            Temperature = ".w_temp",
            Date = ".today",
            Provider = ".w_provider",
        },
    };

    public static SourceDefinition Generic { get; } = Configured with { Selectors = null, Weather = null };
}
