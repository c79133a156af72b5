using System.Text.RegularExpressions;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Sources;

public sealed class UrlPatternRegexTests
{
    [Fact]
    public void A_pattern_with_nested_quantifiers_runs_on_the_engine_that_cannot_backtrack_and_still_matches()
    {
        var regex = UrlPatternRegex.Compile("/(a+)+$");

        Assert.NotNull(regex);
        Assert.True(regex.Options.HasFlag(RegexOptions.NonBacktracking));
        // 5,000 a's then a mismatch: exponential for the backtracking engine, one pass here.
        Assert.DoesNotMatch(regex, "https://news.example/" + new string('a', 5_000) + "!");
        Assert.Matches(regex, "https://news.example/AAA");
    }

    [Fact]
    public void A_pattern_with_a_lookbehind_keeps_the_backtracking_engine_with_its_timeout()
    {
        var regex = UrlPatternRegex.Compile(@"(?<=/news/)\d+$");

        Assert.NotNull(regex);
        Assert.False(regex.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Equal(UrlPatternRegex.MatchTimeout, regex.MatchTimeout);
        Assert.Matches(regex, "https://news.example/news/123");
    }

    [Fact]
    public void An_invalid_pattern_gives_null()
    {
        Assert.Null(UrlPatternRegex.Compile("(unclosed"));
    }

    [Theory]
    [InlineData("(a+)+$", true)]
    [InlineData("(a|aa)+$", true)]
    [InlineData(@"/news/\d+$", false)]
    [InlineData(@"articleView\.html\?idxno=\d+", false)]
    public void Catastrophic_backtracking_is_told_apart_from_an_ordinary_pattern(string pattern, bool warned)
    {
        Assert.Equal(warned, UrlPatternRegex.CatastrophicBacktracking(pattern) is not null);
    }
}
