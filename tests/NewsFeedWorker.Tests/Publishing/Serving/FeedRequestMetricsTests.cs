using Microsoft.AspNetCore.Http;
using NewsFeedWorker.Publishing.Serving;

namespace NewsFeedWorker.Tests.Publishing.Serving;

public sealed class FeedRequestMetricsTests
{
    [Theory]
    [InlineData("/feeds/all.rss", "rss")]
    [InlineData("/feeds/all.atom", "atom")]
    [InlineData("/feeds/sample.json", "json")]
    [InlineData("/feeds/category/it-과학.atom", "atom")]
    [InlineData("/feeds/sample/weather.rss", "rss")]
    [InlineData("/feeds/sample.exe", "other")]
    [InlineData("/opml", "opml")]
    [InlineData("/weather.json", "weather")]
    [InlineData("/health", null)]
    [InlineData("/metrics", null)]
    [InlineData("/sample/news/articleList.html", null)]
    [InlineData("/", null)]
    public void Feed_paths_map_to_a_small_fixed_set_of_formats_and_other_paths_are_not_counted(string path, string? format) =>
        Assert.Equal(format, FeedRequestMetrics.FormatOf(new PathString(path)));
}
