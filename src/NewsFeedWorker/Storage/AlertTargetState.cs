namespace NewsFeedWorker.Storage;

/// <summary>A target with alerts that failed and wait for another try (for /health and the metrics).</summary>
public sealed record AlertTargetState(string Target, int Pending, int Attempts, string? LastError, DateTimeOffset? LastErrorAt);
