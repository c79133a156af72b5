namespace NewsFeedWorker.Fetching;

/// <summary>The body (or its decompressed form) passed the configured size limit; never retried.</summary>
public sealed class BodyLimitExceededException(string message) : Exception(message);
