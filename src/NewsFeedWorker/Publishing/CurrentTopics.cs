using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Publishing;

/// <summary>The topics in force (reloaded with the sources); each has a feed under <c>/feeds/topic/</c>.</summary>
public delegate IReadOnlyList<TopicDefinition> CurrentTopics();
