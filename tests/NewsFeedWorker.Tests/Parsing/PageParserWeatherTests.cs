using System.Text;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>Weather widget variants, found by their shape (no weather selectors).</summary>
public sealed class PageParserWeatherTests
{
    private static readonly PageParser Parser = new();
    private static readonly Uri Home = new("https://news.example.kr/");

    private static WeatherSnapshot Widget(string fileName) =>
        Assert.Single(Parser.Parse(Some.TestData(fileName), Encoding.UTF8, Home, Some.Source(Some.PortalNewsSelectors), Some.FetchedAt).Weather);

    [Fact]
    public void Structured_markup_takes_the_sky_from_alt_title_and_icon_classes()
    {
        var widget = Widget("weather-structured.html");

        Assert.Equal("기상청", widget.Provider);
        Assert.Equal(new DateOnly(2025, 1, 10), widget.ObservedOn);
        Assert.Equal(
            [new("서울", "흐림", 16.4m), new("부산", "맑음", 17.2m), new("대전", "구름많음", 16.9m), new("제주", "비", -0.5m), new("울산", null, 3m)],
            widget.Readings);
    }

    [Fact]
    public void The_text_run_form_is_split_into_readings_and_prose_nearby_is_not()
    {
        var widget = Widget("weather-textrun.html");

        Assert.Equal("기상청", widget.Provider);
        Assert.Equal(new DateOnly(2025, 11, 8), widget.ObservedOn);
        Assert.Equal(
            [new("동두천", "흐림", 14.3m), new("대전", "구름많음", 16.9m), new("울산", null, 16.4m), new("강릉", "흐리고 비", 8.2m), new("강진군", "흐림", 15.7m)],
            widget.Readings);
    }

    [Fact]
    public void Negative_temperatures_read_with_hyphen_or_minus_sign_and_both_degree_forms()
    {
        var widget = Widget("weather-negative.html");

        Assert.Equal(new DateOnly(2026, 1, 15), widget.ObservedOn);
        Assert.Equal(
            [new("서울", "맑음", -3.2m), new("강릉", "눈", -5.0m), new("대전", null, 0.0m), new("광주", "비/눈", 1.5m), new("전주", "눈/비", -0.4m), new("서귀포", "흐림", -12m)],
            widget.Readings);
    }

    [Fact]
    public void Weather_can_be_switched_off_per_source()
    {
        var source = Some.Source(Some.PortalNewsSelectors, Some.PortalNewsWeather with { Enabled = false });
        Assert.Empty(Parser.Parse(Some.SamplePage("article-1001.html"), Encoding.UTF8, Some.Article(1001), source, Some.FetchedAt).Weather);
    }

    [Fact]
    public void A_page_without_a_widget_has_no_weather()
    {
        const string html = "<html><body><p>오늘 서울 낮 기온은 16.4℃까지 오르겠다.</p><p>대전 낮 기온은 17℃로 예상된다.</p></body></html>";
        Assert.Empty(Parser.Parse(Encoding.UTF8.GetBytes(html), Encoding.UTF8, Home, Some.Configured with { Weather = null }, Some.FetchedAt).Weather);
    }
}
