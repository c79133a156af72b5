namespace NewsFeedWorker.Sources;

/// <summary>A sources file that cannot be used; the message is meant for the operator as it is.</summary>
public sealed class SourcesFileException(string message, Exception? inner = null) : Exception(message, inner);
