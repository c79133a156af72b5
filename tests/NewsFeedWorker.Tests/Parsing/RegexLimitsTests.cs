using System.Reflection;
using System.Text.RegularExpressions;
using NewsFeedWorker.Parsing;
using NewsFeedWorker.Parsing.Content;

namespace NewsFeedWorker.Tests.Parsing;

/// <summary>Every pattern that runs on page text is linear, or bounded by a timeout where it needs the backtracking engine.</summary>
public sealed class RegexLimitsTests
{
    private static readonly string[] PageTextNamespaces =
    [
        "NewsFeedWorker.Parsing.Content", "NewsFeedWorker.Parsing.Generic", "NewsFeedWorker.Parsing.Weather",
        "NewsFeedWorker.Parsing.Dates", "NewsFeedWorker.Parsing.Links",
    ];

    public static TheoryData<string> PageTextPatterns()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Patterns())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PageTextPatterns))]
    public void A_pattern_on_page_text_runs_without_backtracking_or_with_a_timeout(string name)
    {
        var regex = Patterns().Single(p => p.Name == name).Regex;

        var linear = regex.Options.HasFlag(RegexOptions.NonBacktracking);
        var bounded = regex.MatchTimeout == TimeSpan.FromMilliseconds(RegexLimits.MatchTimeoutMilliseconds);
        Assert.True(linear || bounded, $"{name} backtracks without a timeout: /{regex}/");
    }

    [Fact]
    public void The_patterns_on_page_text_are_all_found()
    {
        // Forty patterns when this was written: a reflection that found none would let every pattern pass.
        Assert.True(Patterns().Count() >= 40, $"found only {Patterns().Count()} patterns");
    }

    [Fact]
    public void A_byline_shaped_to_make_the_address_pattern_backtrack_is_read_to_its_end()
    {
        // The byline cleaner's address pattern: its first loop stops only at '@', so a backtracking engine retries it from
        // each of the 200,000 letters after the one '@' (a quadratic walk); the linear engine crosses the line once.
        var line = "x@" + new string('a', 200_000);

        Assert.Null(FieldText.Author(line));
    }

    private static IEnumerable<(string Name, Regex Regex)> Patterns()
    {
        const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var types = typeof(PageParser).Assembly.GetTypes().Where(t => PageTextNamespaces.Contains(t.Namespace));
        foreach (var type in types)
        {
            foreach (var method in type.GetMethods(Static).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0))
            {
                yield return ($"{type.Name}.{method.Name}", (Regex)method.Invoke(null, null)!);
            }

            foreach (var field in type.GetFields(Static).Where(f => f.FieldType == typeof(Regex)))
            {
                yield return ($"{type.Name}.{field.Name}", (Regex)field.GetValue(null)!);
            }
        }
    }
}
