namespace NewsFeedWorker.Benchmarks.Dedupe;

/// <summary>Canonical-URL dedupe through <c>SaveArticleAsync</c> on one backend: new URLs, then the same pages under other spellings.</summary>
internal sealed record UrlInsertResult
{
    public required string Backend { get; init; }
    public required int Articles { get; init; }

    /// <summary>Saves of articles at URLs never seen, one after another (each its own transaction).</summary>
    public required double NewPerSec { get; init; }
    public required LatencyStats NewLatency { get; init; }
    public required int SavedNew { get; init; }

    /// <summary>Saves of the same articles under URL variants (tracking parameters, case, port, fragment, order) that canonicalize to a stored one.</summary>
    public required double DuplicatePerSec { get; init; }
    public required LatencyStats DuplicateLatency { get; init; }

    /// <summary>Variants the store recognised as already stored (expected: all of them).</summary>
    public required int RecognisedDuplicates { get; init; }
}
