using System.Text.Json;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Tests.Parsing.Content;

public sealed class UnicodeTextTests
{
    [Theory]
    [InlineData("{\"t\":\"잘린 이모지 \\ud83d\"}", "잘린 이모지 \uFFFD")]
    [InlineData("{\"t\":\"\\udc00 low first\"}", "\uFFFD low first")]
    [InlineData("{\"t\":\"pair \\ud83d\\ude00 kept\"}", "pair 😀 kept")]
    [InlineData("{\"t\":\"two highs \\ud83d\\ud83d\\ude00\"}", "two highs \uFFFD😀")]
    [InlineData("{\"t\":\"escaped backslash \\\\ud83d\"}", "escaped backslash \\ud83d")]
    public void Json_with_lone_surrogate_escapes_reads_as_valid_unicode(string json, string expected)
    {
        using var document = JsonDocument.Parse(UnicodeText.ValidJson(json));

        Assert.Equal(expected, document.RootElement.GetProperty("t").GetString());
    }

    [Fact]
    public void Reading_a_lone_surrogate_escape_unrepaired_throws()
    {
        using var document = JsonDocument.Parse("{\"t\":\"\\ud83d\"}");

        Assert.Throws<InvalidOperationException>(() => document.RootElement.GetProperty("t").GetString());
    }

    [Fact]
    public void Clean_json_is_returned_as_is()
    {
        const string json = "{\"t\":\"a \\u00e9 \\\" b\"}";

        Assert.Same(json, UnicodeText.ValidJson(json));
    }
}
