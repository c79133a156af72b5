using NewsFeedWorker.Parsing.Generic;

namespace NewsFeedWorker.Tests.Parsing.Generic;

public sealed class HydrationReaderTests
{
    [Theory]
    [InlineData("x = {\"a\":1}", true)]
    [InlineData("x = {\n  \"props\": {}}", true)]
    [InlineData("x = {}", true)]
    [InlineData("x = { facebook: 'https://www.facebook.com/sharer/sharer.php?u=' }", false)]
    [InlineData("x = {a: 1, b: function() { return 2; }}", false)]
    [InlineData("x = {'single': 1}", false)]
    [InlineData("x = {", false)]
    public void Only_object_literals_whose_first_key_is_quoted_are_read_as_json(string script, bool expected)
    {
        Assert.Equal(expected, HydrationReader.OpensJsonObject(script, script.IndexOf('{', StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("x = {\"a\":\"}\"}; y = {\"b\":1}", "{\"a\":\"}\"}")]
    [InlineData("x = {\"a\":\"\\\"}\"} rest", "{\"a\":\"\\\"}\"}")]
    [InlineData("x = {\"a\":[1,{\"b\":\"]\"}]};", "{\"a\":[1,{\"b\":\"]\"}]}")]
    public void An_object_literal_is_cut_after_its_closing_brace_outside_strings(string script, string expected)
    {
        Assert.Equal(expected, HydrationReader.ObjectAt(script, script.IndexOf('{', StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("x = {\"a\":1 /* } */}; y")]
    [InlineData("x = {\"a\":1")]
    public void A_literal_with_a_comment_or_without_an_end_is_kept_whole(string script)
    {
        var start = script.IndexOf('{', StringComparison.Ordinal);
        Assert.Equal(script[start..], HydrationReader.ObjectAt(script, start));
    }
}
