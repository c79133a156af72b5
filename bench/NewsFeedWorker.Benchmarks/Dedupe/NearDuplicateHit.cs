namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>What the store's lookup linked a fingerprint to.</summary>
internal sealed record NearDuplicateHit(string Id, int Distance);
