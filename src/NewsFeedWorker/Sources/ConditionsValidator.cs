namespace NewsFeedWorker.Sources;

/// <summary>Checks the condition keys shared by topics and a source's <c>exclude</c>; each problem names its key.</summary>
internal static class ConditionsValidator
{
    /// <summary>Longest keyword accepted: a keyword is a word or a phrase, not a paragraph.</summary>
    public const int MaxKeywordLength = 200;

    public static IEnumerable<string> Validate(MatchConditions conditions, string prefix)
    {
        foreach (var (key, words) in new[] { ("any", conditions.Any), ("all", conditions.All), ("none", conditions.None) })
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(words[i]))
                {
                    yield return $"key \"{prefix}{key}[{i}]\": a keyword must not be empty.";
                }
                else if (words[i].Length > MaxKeywordLength)
                {
                    yield return $"key \"{prefix}{key}[{i}]\": a keyword is at most {MaxKeywordLength} characters.";
                }
            }
        }

        for (var i = 0; i < conditions.Regex.Count; i++)
        {
            if (string.IsNullOrEmpty(conditions.Regex[i]) || UrlPatternRegex.Compile(conditions.Regex[i]) is null)
            {
                yield return $"key \"{prefix}regex[{i}]\": \"{conditions.Regex[i]}\" is not a valid regular expression.";
            }
        }

        for (var i = 0; i < conditions.Fields.Count; i++)
        {
            if (!MatchFields.Names.Contains(conditions.Fields[i], StringComparer.Ordinal))
            {
                yield return $"key \"{prefix}fields[{i}]\": \"{conditions.Fields[i]}\" is not a field; use {string.Join(", ", MatchFields.Names.Select(n => $"\"{n}\""))}.";
            }
        }
    }

    /// <summary>True when the conditions select something (an empty rule would match every article).</summary>
    public static bool HasCondition(MatchConditions conditions) =>
        conditions.Any.Count > 0 || conditions.All.Count > 0 || conditions.Regex.Count > 0;
}
