namespace NewsFeedWorker.Fetching;

/// <summary>One Allow or Disallow line: a path prefix pattern with <c>*</c> and an optional end anchor <c>$</c>.</summary>
public sealed record RobotsRule(bool Allow, string Pattern)
{
    public bool Matches(string path)
    {
        var anchored = Pattern.EndsWith('$');
        var pattern = anchored ? Pattern[..^1] : Pattern;
        return Match(pattern, path, anchored);
    }

    // Greedy wildcard match with backtracking to the last '*': linear enough for robots.txt patterns.
    private static bool Match(string pattern, string path, bool anchored)
    {
        int p = 0, s = 0, starP = -1, starS = 0;
        while (s < path.Length)
        {
            if (p == pattern.Length && !anchored)
            {
                return true;
            }

            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starS = s;
            }
            else if (p < pattern.Length && pattern[p] == path[s])
            {
                p++;
                s++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                s = ++starS;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
