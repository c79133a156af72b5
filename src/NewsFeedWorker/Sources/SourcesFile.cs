namespace NewsFeedWorker.Sources;

/// <summary>A validated sources file: the sites and the topics followed across them.</summary>
public sealed record SourcesFile(IReadOnlyList<SourceDefinition> Sources, IReadOnlyList<TopicDefinition> Topics);
