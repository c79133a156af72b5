namespace NewsFeedWorker.Fetching;

/// <summary>The body arrived but cannot be decoded (broken gzip, unknown content coding); never retried.</summary>
public sealed class BadContentException(string message, Exception? inner = null) : Exception(message, inner);
