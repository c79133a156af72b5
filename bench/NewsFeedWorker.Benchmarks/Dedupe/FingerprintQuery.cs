namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>A fingerprint to look up; <see cref="PlantedFrom"/> is the stored index it was derived from, null for a random miss.</summary>
internal sealed record FingerprintQuery(ulong Fingerprint, int? PlantedFrom);
