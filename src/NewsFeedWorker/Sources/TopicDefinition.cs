namespace NewsFeedWorker.Sources;

/// <summary>A subject followed across sources (<c>topics</c> in the sources file): its feed and its alerts.</summary>
public sealed record TopicDefinition : MatchConditions
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Source ids the topic looks at; empty means every source.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Where a new story of this topic is announced.</summary>
    public IReadOnlyList<AlertTarget> Alerts { get; init; } = [];

    /// <summary>
    /// A material correction of an article of an already alerted story sends one "updated" alert per correction
    /// (<c>alertOnCorrections</c>; off by default: a story alerts once).
    /// </summary>
    public bool AlertOnCorrections { get; init; }
}
