using NewsFeedWorker.Parsing.Weather;

namespace NewsFeedWorker.Tests.Parsing.Weather;

/// <summary>Sky from an icon's file name, by KMA's numbering; names that are not weather icons give nothing.</summary>
public sealed class KmaIconsTests
{
    [Theory]
    [InlineData("/image/weather/small_icon_01.png", "맑음")]
    [InlineData("/image/weather/small_icon_04.png", "흐림")]
    [InlineData("https://cdn.example.kr/skin/NB03.png?v=2", "구름많음")]
    [InlineData("/img/w02.gif", "구름조금")]
    [InlineData("/images/main/sky_12.png", "눈")]
    [InlineData("/img/weather/11.png", "비/눈")]
    public void A_numbered_icon_gives_its_sky(string src, string sky)
        => Assert.Equal(sky, KmaIcons.FromFileName(src));

    [Theory]
    [InlineData("/img/bullet_01.gif")]
    [InlineData("/img/arrow_04.png")]
    [InlineData("/image/weather/small_icon_07.png")]
    [InlineData("/image/weather/blank.gif")]
    [InlineData("/img/04.png")]
    [InlineData(null)]
    public void Other_images_give_no_sky(string? src)
        => Assert.Null(KmaIcons.FromFileName(src));
}
