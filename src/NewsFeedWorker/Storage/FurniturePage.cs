namespace NewsFeedWorker.Storage;

/// <summary>One article page of a source as its furniture memory keeps it: the URL and its body blocks' fingerprints.</summary>
public sealed record FurniturePage(Uri Url, IReadOnlyList<ulong> Blocks, DateTimeOffset SeenAt);
