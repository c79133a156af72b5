using NewsFeedWorker.Publishing;

namespace NewsFeedWorker.Tests.Publishing;

public sealed class XmlTextTests
{
    [Theory]
    [InlineData("제목\u0001\u0008\u000B\u000C\u001F 끝", "제목 끝")]
    [InlineData("탭\t줄\n바꿈\r", "탭\t줄\n바꿈\r")]
    [InlineData("emoji 😀 and RTL שלום مرحبا", "emoji 😀 and RTL שלום مرحبا")]
    [InlineData("\uFFFE\uFFFF non-characters", " non-characters")]
    public void Clean_keeps_every_xml_character_and_drops_the_rest(string input, string expected)
        => Assert.Equal(expected, XmlText.Clean(input));

    [Fact]
    public void Clean_drops_lone_surrogates_but_keeps_pairs()
    {
        // Built in code: theory data would turn lone surrogates into U+FFFD before the test sees them.
        var input = "lone " + '\uD83D' + " high, lone " + '\uDE00' + " low, pair 😀";

        Assert.Equal("lone  high, lone  low, pair 😀", XmlText.Clean(input));
    }
}
