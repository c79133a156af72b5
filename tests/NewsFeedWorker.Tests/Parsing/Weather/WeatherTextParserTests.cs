using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Weather;

namespace NewsFeedWorker.Tests.Parsing.Weather;

public sealed class WeatherTextParserTests
{
    [Theory]
    [InlineData("흐림동두천 14.3℃", "동두천", "흐림", "14.3")]
    [InlineData("구름많음대전 16.9℃", "대전", "구름많음", "16.9")]
    [InlineData("울산 16.4℃", "울산", null, "16.4")]
    [InlineData("흐림강진군 15.7℃", "강진군", "흐림", "15.7")]
    [InlineData("흐리고 비강릉 8.2℃", "강릉", "흐리고 비", "8.2")]
    [InlineData("비/눈광주 1.5°C", "광주", "비/눈", "1.5")]
    [InlineData("눈/비 전주 -0.4 ℃", "전주", "눈/비", "-0.4")]
    [InlineData("맑음서울 −3.2℃", "서울", "맑음", "-3.2")]
    [InlineData("비금도 12℃", "비금도", null, "12")]
    [InlineData("보은 15.8℃", "보은", null, "15.8")]
    [InlineData("구름많고 소나기 부산 21.0℃", "부산", "구름많고 소나기", "21.0")]
    [InlineData("동두천 흐림 14.3℃", "동두천", "흐림", "14.3")]
    [InlineData("서울 흐리고 비 5℃", "서울", "흐리고 비", "5")]
    [InlineData("맑음서울 -5.4도", "서울", "맑음", "-5.4")]
    [InlineData("흐림 보은 -7.8 도", "보은", "흐림", "-7.8")]
    [InlineData("흐림 동두천 14.3 ℃", "동두천", "흐림", "14.3")]
    public void One_reading_gives_station_condition_and_temperature(string text, string station, string? condition, string temperature)
    {
        var reading = Assert.Single(WeatherTextParser.Parse(text, null));
        Assert.Equal(new WeatherReading(station, condition, decimal.Parse(temperature, System.Globalization.CultureInfo.InvariantCulture)), reading);
    }

    [Fact]
    public void A_run_of_readings_gives_each_in_order()
    {
        var readings = WeatherTextParser.Parse("흐림동두천 14.3℃ 구름많음대전 16.9℃ 울산 16.4℃", null);
        Assert.Equal(
            [new("동두천", "흐림", 14.3m), new("대전", "구름많음", 16.9m), new("울산", null, 16.4m)],
            readings);
    }

    [Fact]
    public void A_condition_from_markup_fills_in_when_the_text_has_none()
        => Assert.Equal(new WeatherReading("서울", "흐림", 16.4m), Assert.Single(WeatherTextParser.Parse("서울 16.4°C", "흐림")));

    [Theory]
    [InlineData("오늘 서울 낮 기온은 16.4℃까지 오르겠고 내일은 더 따뜻하겠다.")]
    [InlineData("기온은 16.4℃")]
    [InlineData("섭씨 100도")]
    [InlineData("서울 16도로 올라")]
    [InlineData("기온이 5도 낮다")]
    [InlineData("")]
    public void Prose_is_not_a_reading(string text) => Assert.Empty(WeatherTextParser.Parse(text, null));

    [Theory]
    [InlineData("16.4℃", 1)]
    [InlineData("흐림 동두천 14.3 ℃ 울산 -2도", 2)]
    [InlineData("℃", 0)]
    [InlineData("도로 3곳", 0)]
    public void Temperatures_with_a_unit_are_counted(string text, int count)
        => Assert.Equal(count, WeatherTextParser.CountTemperatures(text));
}
