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
}
