using System.Globalization;
using System.Text;

namespace NewsFeedWorker.Fetching;

/// <summary>
/// The rules of one robots.txt (RFC 9309) that apply to one product token: the most specific (longest) matching
/// pattern wins, allow wins a tie, <c>*</c> and a trailing <c>$</c> are wildcards.
/// </summary>
public sealed class RobotsTxt
{
    private readonly IReadOnlyList<RobotsRule> rules;

    private RobotsTxt(IReadOnlyList<RobotsRule> rules, TimeSpan? crawlDelay)
    {
        this.rules = rules;
        CrawlDelay = crawlDelay;
    }

    public static RobotsTxt AllowAll { get; } = new([], null);

    public static RobotsTxt DisallowAll { get; } = new([new RobotsRule(Allow: false, "/")], null);

    /// <summary>Stands in while robots.txt cannot be read (5xx, 429, network): nothing is fetched from the host meanwhile.</summary>
    public static RobotsTxt Unreachable { get; } = new([new RobotsRule(Allow: false, "/")], null);

    /// <summary>The Crawl-delay of the matched group, if any (not part of RFC 9309, but widely used).</summary>
    public TimeSpan? CrawlDelay { get; }

    public bool IsAllowed(Uri url)
    {
        var path = url.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
        if (path.Equals("/robots.txt", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        RobotsRule? best = null;
        foreach (var rule in this.rules)
        {
            if (rule.Matches(path)
                && (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow)))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    public static RobotsTxt Parse(string text, string productToken)
    {
        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;

        foreach (var rawLine in text.Split('\n'))
        {
            var line = StripComment(rawLine).Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                // Consecutive User-agent lines share one group; one after a rule starts the next group.
                if (current is null || !lastWasAgent)
                {
                    current = new Group();
                    groups.Add(current);
                }

                current.Agents.Add(value);
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (current is null)
            {
                continue;
            }

            if (key is "allow" or "disallow" && value.Length > 0)
            {
                // An empty Disallow means "allow everything", so it adds no rule.
                current.Rules.Add(new RobotsRule(key == "allow", NormalisePattern(value)));
            }
            else if (key == "crawl-delay"
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && seconds is >= 0 and < 86400)
            {
                current.CrawlDelay = TimeSpan.FromSeconds(seconds);
            }
        }

        var mine = groups.Where(g => g.Agents.Any(a => AgentMatches(a, productToken))).ToList();
        if (mine.Count == 0)
        {
            mine = [.. groups.Where(g => g.Agents.Contains("*"))];
        }

        return new RobotsTxt([.. mine.SelectMany(g => g.Rules)], mine.Select(g => g.CrawlDelay).FirstOrDefault(d => d is not null));
    }

    private static bool AgentMatches(string agent, string productToken)
    {
        var token = agent.Split('/', ' ')[0];
        return token.Equals(productToken, StringComparison.OrdinalIgnoreCase);
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#');
        return hash >= 0 ? line[..hash] : line;
    }

    // Paths are compared percent-encoded, with upper-case hex, as the URL side is.
    private static string NormalisePattern(string pattern)
    {
        var builder = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '%' && i + 2 < pattern.Length && Uri.IsHexDigit(pattern[i + 1]) && Uri.IsHexDigit(pattern[i + 2]))
            {
                builder.Append('%').Append(char.ToUpperInvariant(pattern[i + 1])).Append(char.ToUpperInvariant(pattern[i + 2]));
                i += 2;
            }
            else if (c > 127 || c == ' ')
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<RobotsRule> Rules { get; } = [];

        public TimeSpan? CrawlDelay { get; set; }
    }
}
