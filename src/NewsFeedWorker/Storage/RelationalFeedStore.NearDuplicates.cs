using System.Data.Common;
using Dapper;
using NewsFeedWorker.Dedupe;

namespace NewsFeedWorker.Storage;

public abstract partial class RelationalFeedStore
{
    /// <summary>
    /// The first copy from another source within the window whose fingerprint is within the threshold. Candidates
    /// come from the four band indexes (two 64-bit hashes within 3 bits agree exactly on at least one 16-bit band),
    /// so the lookup reads a few rows even with a million fingerprints stored.
    /// </summary>
    private async Task<NearDuplicateLink?> FindNearDuplicateAsync(
        DbConnection connection, DbTransaction tx, string sourceId, string canonical, ulong fingerprint, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var candidates = await connection.QueryAsync<CandidateRow>(Command(
            """
            SELECT id AS Id, source_id AS SourceId, canonical_url AS CanonicalUrl, simhash AS Simhash, first_seen AS FirstSeen
            FROM articles
            WHERE (band0 = @b0 OR band1 = @b1 OR band2 = @b2 OR band3 = @b3)
              AND first_seen >= @since AND source_id <> @sourceId AND near_duplicate_of IS NULL AND simhash IS NOT NULL
            """,
            new
            {
                b0 = SimHash.Band(fingerprint, 0),
                b1 = SimHash.Band(fingerprint, 1),
                b2 = SimHash.Band(fingerprint, 2),
                b3 = SimHash.Band(fingerprint, 3),
                since = (seenAt - Options.NearDuplicateWindow).ToUnixTimeMilliseconds(),
                sourceId,
            },
            tx, cancellationToken));

        CandidateRow? best = null;
        var bestDistance = int.MaxValue;
        var considered = 0;
        foreach (var c in candidates)
        {
            considered++;
            var distance = SimHash.Distance(fingerprint, unchecked((ulong)c.Simhash));
            if (distance < bestDistance || (distance == bestDistance && best is not null && c.FirstSeen < best.FirstSeen))
            {
                best = c;
                bestDistance = distance;
            }
        }

        if (best is null)
        {
            return null;
        }

        if (bestDistance > Options.NearDuplicateMaxDistance)
        {
            Log.NotNearDuplicate(Logger, sourceId, canonical, best.CanonicalUrl, bestDistance, Options.NearDuplicateMaxDistance, considered);
            return null;
        }

        Log.NearDuplicate(Logger, sourceId, canonical, best.Id, best.SourceId, best.CanonicalUrl, bestDistance, Options.NearDuplicateMaxDistance, considered);
        return new NearDuplicateLink(best.Id, bestDistance);
    }

    private sealed record NearDuplicateLink(string Id, int Distance);
}
