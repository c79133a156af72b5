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

    private static IReadOnlyList<WeatherSnapshot> Shapes(string widget) =>
        Parser.Parse(Encoding.UTF8.GetBytes($"<html><body><div class=top><span>2025.11.08 (토)</span>{widget}</div><div><p>본문입니다.</p></div></body></html>"), Encoding.UTF8, Home, Some.Source(), Some.FetchedAt).Weather;

    [Fact]
    public void A_table_of_columns_pairs_each_temperature_with_the_station_and_sky_above_it()
    {
        var widget = Assert.Single(Shapes("""
            <table><tr><th>서울</th><th>부산</th><th>울산</th></tr>
            <tr><td><img src="/img/weather/small_icon_04.png"></td><td><img src="/img/sky/sun.png" alt="맑음"></td><td></td></tr>
            <tr><td>16.4℃</td><td>17.2℃</td><td>16.4℃</td></tr></table><p>자료제공: 기상청</p>
            """));

        Assert.Equal("기상청", widget.Provider);
        Assert.Equal([new("서울", "흐림", 16.4m), new("부산", "맑음", 17.2m), new("울산", null, 16.4m)], widget.Readings);
    }

    [Fact]
    public void The_sky_may_follow_the_temperature_and_below_zero_may_be_written_in_words()
    {
        var widget = Assert.Single(Shapes("""
            <ul><li>서울 <b>16.4℃</b> 흐림</li><li>강릉 <b>영하 3도</b> 눈</li><li>대전 <b>-2.5°C</b></li><li>제주 <b>4도</b> 비</li></ul>
            """));

        Assert.Null(widget.Provider);
        Assert.Equal([new("서울", "흐림", 16.4m), new("강릉", "눈", -3m), new("대전", null, -2.5m), new("제주", "비", 4m)], widget.Readings);
    }

    [Theory]
    [InlineData("<marquee><img src=/w/cloudy.png alt=흐림> 서울 16.4℃ &nbsp; 울산 16.4℃ &nbsp; <img src=/w/sun.png alt=맑음> 부산 17.2℃</marquee><span>기상청 제공</span>")]
    [InlineData("<marquee>서울 16.4℃ <img src=/w/cloudy.png alt=흐림> &nbsp; 울산 16.4℃ &nbsp; 부산 17.2℃ <img src=/w/sun.png alt=맑음></marquee><span>기상청 제공</span>")]
    [InlineData("<div><img src=/img/weather/04.png><span>서울</span> <span>16.4℃</span> <span>울산</span> <span>16.4℃</span> <img src=/img/weather/01.png><span>부산</span> <span>17.2℃</span> <em>기상청 제공</em></div>")]
    [InlineData("<div><span>서울</span> <span>16.4℃</span><img src=/img/weather/04.png> <span>울산</span> <span>16.4℃</span> <span>부산</span> <span>17.2℃</span><img src=/img/weather/01.png> <em>기상청 제공</em></div>")]
    public void Icons_inside_a_run_or_beside_flat_readings_give_each_its_own_sky_before_or_after_it(string widget)
    {
        var snapshot = Assert.Single(Shapes(widget));

        Assert.Equal("기상청", snapshot.Provider);
        Assert.Equal([new("서울", "흐림", 16.4m), new("울산", null, 16.4m), new("부산", "맑음", 17.2m)], snapshot.Readings);
    }

    [Fact]
    public void Known_stations_make_a_widget_without_sky_or_provider_and_a_repeated_ticker_counts_once()
    {
        const string items = "<li>서울 16.4℃</li><li>부산 17.2℃</li><li>대전 16.9℃</li><li>광주 17.1℃</li>";
        var widget = Assert.Single(Shapes($"<ul class=a>{items}</ul><ul class=b>{items}</ul>"));

        Assert.Equal(4, widget.Readings.Count);
        Assert.Empty(Shapes("<ul><li>가나 16.4℃</li><li>다라 17.2℃</li><li>마바 16.9℃</li><li>사아 17.1℃</li></ul>"));
    }
}
