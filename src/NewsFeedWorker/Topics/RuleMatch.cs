namespace NewsFeedWorker.Topics;

/// <summary>Why an article matched a rule: the conditions that held, with the field text they were found in.</summary>
public sealed record RuleMatch(IReadOnlyList<RuleHit> Hits, IReadOnlyDictionary<string, string> FieldText);
