namespace NewsFeedWorker.Storage;

/// <summary>A write the store refused: what it said and when.</summary>
public sealed record StorageFault(string Reason, DateTimeOffset At);
