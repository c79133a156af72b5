using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using NewsFeedWorker.Sources;
using NewsFeedWorker.Storage;

namespace NewsFeedWorker.Topics;

/// <summary>
/// Decides whether a stored article meets a topic's or an exclude rule's conditions (title, subtitle, body text,
/// author, category, source id, origin credit) and says why. Pure: no I/O; regexes run with a timeout and a regex that
/// runs out of time counts as no match.
/// </summary>
public static class ArticleMatcher
{
    private static readonly ConditionalWeakTable<MatchConditions, Compiled> CompiledRules = [];

    /// <summary>True when <paramref name="article"/> meets the topic (its sources included).</summary>
    public static bool Matches(TopicDefinition topic, StoredArticle article) => Explain(topic, article) is not null;

    /// <summary>True when a source's exclude rule drops <paramref name="article"/> from the feeds.</summary>
    public static bool Excluded(SourceDefinition? source, StoredArticle article) =>
        source?.Exclude is { } exclude && Explain(exclude, article) is not null;

    /// <summary>The conditions that held, or null when the article does not match.</summary>
    public static RuleMatch? Explain(MatchConditions rule, StoredArticle article)
    {
        if (rule is TopicDefinition { Sources.Count: > 0 } topic && !topic.Sources.Contains(article.SourceId, StringComparer.Ordinal))
        {
            return null;
        }

        var compiled = CompiledRules.GetValue(rule, r => new Compiled(r));
        var fields = Fields(article, compiled.Fields);
        var hits = new List<RuleHit>();
        foreach (var word in rule.None)
        {
            if (Find(fields, word) is not null)
            {
                return null;
            }
        }

        foreach (var word in rule.All)
        {
            if (Find(fields, word) is not { } hit)
            {
                return null;
            }

            hits.Add(hit with { Rule = $"all: {word}" });
        }

        if (rule.Any.Count > 0)
        {
            var first = rule.Any.Select(w => Find(fields, w) is { } h ? h with { Rule = $"any: {w}" } : null).FirstOrDefault(h => h is not null);
            if (first is null)
            {
                return null;
            }

            hits.Add(first);
        }

        if (compiled.Regexes.Count > 0)
        {
            var first = compiled.Regexes.Select(r => FindRegex(fields, r)).FirstOrDefault(h => h is not null);
            if (first is null)
            {
                return null;
            }

            hits.Add(first);
        }

        if (hits.Count == 0 && rule is TopicDefinition { Sources.Count: > 0 })
        {
            hits.Add(new RuleHit($"sources: {article.SourceId}", MatchFields.Source, 0, article.SourceId.Length));
        }

        return new RuleMatch(hits, fields);
    }

    private static RuleHit? Find(IReadOnlyDictionary<string, string> fields, string word)
    {
        var keyword = word.Trim().Normalize(NormalizationForm.FormC);
        foreach (var (name, text) in fields)
        {
            if (KeywordSearch.IndexOf(text, keyword) is var at and >= 0)
            {
                return new RuleHit(word, name, at, keyword.Length);
            }
        }

        return null;
    }

    private static RuleHit? FindRegex(IReadOnlyDictionary<string, string> fields, Regex regex)
    {
        foreach (var (name, text) in fields)
        {
            try
            {
                if (regex.Match(text) is { Success: true } m)
                {
                    return new RuleHit($"regex: {regex}", name, m.Index, m.Length);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // An operator's pattern that backtracks past its budget on this text: no match, the article is not lost.
            }
        }

        return null;
    }

    /// <summary>The article's text per field (NFC, so a decomposed Hangul page still matches), in field order.</summary>
    private static Dictionary<string, string> Fields(StoredArticle stored, IReadOnlyList<string> wanted)
    {
        var a = stored.Article;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in wanted)
        {
            var text = name switch
            {
                MatchFields.Title => a.Title,
                MatchFields.Subtitle => a.Subtitle,
                MatchFields.Body => a.BodyText,
                MatchFields.Author => a.Author,
                MatchFields.Category => string.Join(" · ", stored.Categories.Append(a.Category ?? "").Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)),
                MatchFields.Source => stored.SourceId,
                MatchFields.Origin => a.Origin,
                _ => null,
            };
            if (!string.IsNullOrEmpty(text))
            {
                fields[name] = text.Normalize(NormalizationForm.FormC);
            }
        }

        return fields;
    }

    /// <summary>A rule's regexes compiled once per rule record (a reload makes new records, and with them new regexes).</summary>
    private sealed class Compiled(MatchConditions rule)
    {
        public IReadOnlyList<string> Fields { get; } = rule.Fields.Count > 0 ? [.. MatchFields.Names.Where(rule.Fields.Contains)] : MatchFields.Names;

        public IReadOnlyList<Regex> Regexes { get; } = [.. rule.Regex.Select(UrlPatternRegex.Compile).OfType<Regex>()];
    }
}
