using System.Text.RegularExpressions;

namespace NewsFeedWorker.Sources;

/// <summary>
/// An operator's <c>articleLinks.urlPattern</c> as a regex that cannot run away: the non-backtracking engine (linear in
/// the URL) when the pattern allows it, else the backtracking one with a short timeout. A pattern such as <c>(a+)+$</c>
/// cost 200 ms per link with the backtracking engine (300 links: a minute) and said nothing.
/// </summary>
public static class UrlPatternRegex
{
    /// <summary>The budget of one match when the pattern needs the backtracking engine (look-arounds, back-references).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    /// <summary>Null when the pattern is not a valid regular expression.</summary>
    public static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, Options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return Backtracking(pattern, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// A warning when the pattern backtracks catastrophically: tried with the backtracking engine on long runs of the
    /// characters it names, the shape on which nested quantifiers explode. Null for a pattern that stays fast.
    /// </summary>
    public static string? CatastrophicBacktracking(string pattern)
    {
        if (Backtracking(pattern, TimeSpan.FromMilliseconds(100)) is not { } probe)
        {
            return null;
        }

        var characters = pattern.Where(char.IsLetterOrDigit).Concat("a0/-._").Distinct().Take(24);
        foreach (var c in characters)
        {
            try
            {
                _ = probe.IsMatch($"https://example.com/{new string(c, 40)}\u0001");
            }
            catch (RegexMatchTimeoutException)
            {
                var linear = Compile(pattern)?.Options.HasFlag(RegexOptions.NonBacktracking) == true;
                return linear
                    ? "backtracks catastrophically (nested quantifiers); the worker runs it with the non-backtracking engine, but simplify it"
                    : $"backtracks catastrophically and needs the backtracking engine: each link may cost up to {MatchTimeout.TotalMilliseconds:0} ms; simplify it";
            }
        }

        return null;
    }

    private static Regex? Backtracking(string pattern, TimeSpan timeout)
    {
        try
        {
            return new Regex(pattern, Options, timeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
