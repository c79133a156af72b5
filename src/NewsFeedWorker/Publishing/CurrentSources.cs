using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Publishing;

/// <summary>The configured sources as of now (the sources stage reloads them when the settings file changes).</summary>
public delegate IReadOnlyList<SourceDefinition> CurrentSources();
