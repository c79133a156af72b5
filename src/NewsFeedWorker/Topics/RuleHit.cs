namespace NewsFeedWorker.Topics;

/// <summary>One condition that held: the rule (<c>any: 행정안전부</c>), the field it was found in and where.</summary>
public sealed record RuleHit(string Rule, string Field, int Start, int Length);
