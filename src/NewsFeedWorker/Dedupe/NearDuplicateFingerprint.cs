namespace NewsFeedWorker.Dedupe;

/// <summary>
/// The near-duplicate fingerprint of an article, or none when the text is too short to judge. Only the body
/// counts: outlets rewrite the headline of a release they re-publish ("행정안전부, …" becomes "행안부, …"), and
/// in a 600-character release a rewritten title alone moved the hash by 6 bits, twice the threshold.
/// </summary>
public static class NearDuplicateFingerprint
{
    public static ulong? For(string bodyText, int minimumLength)
    {
        var normalized = FingerprintText.Normalize(bodyText);
        return normalized.Length < minimumLength ? null : SimHash.Compute(normalized);
    }
}
