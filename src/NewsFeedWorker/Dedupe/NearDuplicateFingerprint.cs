namespace NewsFeedWorker.Dedupe;

/// <summary>The near-duplicate fingerprint of an article, or none when the text is too short to judge.</summary>
public static class NearDuplicateFingerprint
{
    public static ulong? For(string title, string bodyText, int minimumLength)
    {
        var normalized = FingerprintText.Normalize(title, bodyText);
        return normalized.Length < minimumLength ? null : SimHash.Compute(normalized);
    }
}
