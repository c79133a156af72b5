using System.Data.Common;
using Dapper;
using NewsFeedWorker.Dedupe;
using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Storage;

public abstract partial class RelationalFeedStore
{
    private const string ArticleColumns =
        "id AS Id, source_id AS SourceId, canonical_url AS CanonicalUrl, first_seen AS FirstSeen, last_changed AS LastChanged, " +
        "content_hash AS ContentHash, near_duplicate_of AS NearDuplicateOf, near_duplicate_distance AS NearDuplicateDistance, article_json AS ArticleJson, " +
        "revised_at AS RevisedAt, revisions AS Revisions, revised_fields AS RevisedFields";

    public async Task<ArticleSaveResult> SaveArticleAsync(string sourceId, Article article, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var canonical = UrlCanonicalizer.CanonicalString(article.Url);
        var id = StableId.ForArticle(sourceId, canonical);
        var json = StoreJson.Serialize(article with { Url = new Uri(canonical) });
        var hash = StoreJson.Hash(json);
        var fingerprint = NearDuplicateFingerprint.For(article.BodyText, Options.NearDuplicateMinTextLength);

        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        if (await IsTombstonedAsync(connection, tx, sourceId, canonical, cancellationToken))
        {
            await tx.CommitAsync(cancellationToken);
            return new ArticleSaveResult(ArticleSaveOutcome.Forgotten, id);
        }

        var existing = await FindArticleAsync(connection, tx, id, cancellationToken);
        if (existing is null)
        {
            NearDuplicateLink? link = null;
            if (fingerprint is { } fp)
            {
                // Two copies arriving at once must not both become "the first": near-duplicates share a band,
                // so holding one lock per band (always in the same order) makes them take turns.
                foreach (var band in Enumerable.Range(0, 4).Select(b => $"band{b}:{SimHash.Band(fp, b)}").Order(StringComparer.Ordinal))
                {
                    await LockAsync(connection, tx, band, cancellationToken);
                }

                link = await FindNearDuplicateAsync(connection, tx, sourceId, canonical, fp, seenAt, cancellationToken);
            }

            var inserted = await connection.ExecuteAsync(Command(
                """
                INSERT INTO articles (id, source_id, canonical_url, title, category_slug, sort_time, first_seen, last_changed,
                    content_hash, simhash, band0, band1, band2, band3, near_duplicate_of, near_duplicate_distance, article_json)
                VALUES (@id, @sourceId, @canonical, @title, @category, @sortTime, @firstSeen, NULL,
                    @hash, @simhash, @band0, @band1, @band2, @band3, @nearDuplicateOf, @distance, @json)
                ON CONFLICT DO NOTHING
                """,
                new
                {
                    id,
                    sourceId,
                    canonical,
                    title = article.Title,
                    category = CategoryOf(article),
                    sortTime = (article.Published ?? seenAt).ToUnixTimeMilliseconds(),
                    firstSeen = seenAt.ToUnixTimeMilliseconds(),
                    hash,
                    simhash = Signed(fingerprint),
                    band0 = Band(fingerprint, 0),
                    band1 = Band(fingerprint, 1),
                    band2 = Band(fingerprint, 2),
                    band3 = Band(fingerprint, 3),
                    nearDuplicateOf = link?.Id,
                    distance = link?.Distance,
                    json,
                },
                tx, cancellationToken));
            if (inserted == 1)
            {
                await BumpChangeVersionAsync(connection, tx, sourceId, cancellationToken);
                if (link is not null)
                {
                    // The first copy's feed lists this one among its related links.
                    await MarkSourceOfArticleChangedAsync(connection, tx, link.Id, cancellationToken);
                }

                await tx.CommitAsync(cancellationToken);
                return new ArticleSaveResult(ArticleSaveOutcome.New, id, link?.Id);
            }

            // Another writer inserted it between our read and our insert (PostgreSQL only; SQLite holds the write lock).
            existing = await FindArticleAsync(connection, tx, id, cancellationToken)
                ?? throw new InvalidOperationException($"Article {id} conflicted on insert but cannot be read.");
        }

        if (existing.ContentHash != hash)
        {
            // Two writers with the same new version must not both keep the old one as a revision: they take turns, and
            // the second one finds the first one's version.
            await LockAsync(connection, tx, "article:" + id, cancellationToken);
            existing = await FindArticleAsync(connection, tx, id, cancellationToken)
                ?? throw new InvalidOperationException($"Article {id} vanished while it was being updated.");
        }

        if (existing.ContentHash == hash)
        {
            await tx.CommitAsync(cancellationToken);
            return new ArticleSaveResult(ArticleSaveOutcome.Unchanged, id, existing.NearDuplicateOf);
        }

        var corrected = MaterialChange.Between(StoreJson.Deserialize<Article>(existing.ArticleJson), article);
        if (corrected.Count > 0)
        {
            await connection.ExecuteAsync(Command(
                """
                INSERT INTO article_revisions (article_id, seq, source_id, seen_at, replaced_at, changed, article_json)
                VALUES (@id, @seq, @sourceId, @seenAt, @replacedAt, @changed, @json)
                """,
                new
                {
                    id,
                    seq = existing.Revisions + 1,
                    sourceId,
                    seenAt = existing.RevisedAt ?? existing.FirstSeen,
                    replacedAt = seenAt.ToUnixTimeMilliseconds(),
                    changed = string.Join(' ', corrected),
                    json = existing.ArticleJson,
                },
                tx, cancellationToken));
        }

        await connection.ExecuteAsync(Command(
            """
            UPDATE articles SET title = @title, category_slug = @category, sort_time = @sortTime, last_changed = @lastChanged,
                content_hash = @hash, simhash = @simhash, band0 = @band0, band1 = @band1, band2 = @band2, band3 = @band3,
                article_json = @json, revised_at = @revisedAt, revisions = @revisions, revised_fields = @revisedFields
            WHERE id = @id
            """,
            new
            {
                id,
                title = article.Title,
                category = CategoryOf(article),
                sortTime = (article.Published ?? DateTimeOffset.FromUnixTimeMilliseconds(existing.FirstSeen)).ToUnixTimeMilliseconds(),
                lastChanged = seenAt.ToUnixTimeMilliseconds(),
                hash,
                simhash = Signed(fingerprint),
                band0 = Band(fingerprint, 0),
                band1 = Band(fingerprint, 1),
                band2 = Band(fingerprint, 2),
                band3 = Band(fingerprint, 3),
                json,
                revisedAt = corrected.Count > 0 ? seenAt.ToUnixTimeMilliseconds() : existing.RevisedAt,
                revisions = existing.Revisions + (corrected.Count > 0 ? 1 : 0),
                revisedFields = corrected.Count > 0 ? string.Join(' ', corrected) : existing.RevisedFields,
            },
            tx, cancellationToken));
        await BumpChangeVersionAsync(connection, tx, sourceId, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        Log.ArticleUpdated(Logger, sourceId, canonical, id);
        return new ArticleSaveResult(ArticleSaveOutcome.Updated, id, existing.NearDuplicateOf) { Corrected = corrected };
    }

    public async Task<bool> ShouldFetchArticleAsync(string sourceId, Uri url, DateTimeOffset now, TimeSpan recheckWindow, CancellationToken cancellationToken)
    {
        var canonical = UrlCanonicalizer.CanonicalString(url);
        await using var connection = await OpenAsync(cancellationToken);
        if (await IsTombstonedAsync(connection, null, sourceId, canonical, cancellationToken))
        {
            return false;
        }

        // A page whose rel=canonical differs from the link it was reached by is stored under the canonical URL;
        // the link's own fetch history then says how long it has been fetched, so it is not fetched forever.
        var linkState = await connection.QuerySingleOrDefaultAsync<LinkStateRow>(Command(
            "SELECT first_at AS FirstAt, at AS At FROM fetch_state WHERE url = @url", new { url = url.AbsoluteUri }, null, cancellationToken));
        var firstSeen = await connection.ExecuteScalarAsync<long?>(Command(
            "SELECT first_seen FROM articles WHERE source_id = @sourceId AND canonical_url = @canonical",
            new { sourceId, canonical }, null, cancellationToken))
            ?? linkState?.FirstAt;
        if (firstSeen is not { } ms)
        {
            return true;
        }

        // Inside the window, a known article is re-checked on a schedule that backs off with its age.
        TimeSpan? sinceLastCheck = linkState is null ? null : now - DateTimeOffset.FromUnixTimeMilliseconds(linkState.At);
        return RecheckSchedule.IsDue(now - DateTimeOffset.FromUnixTimeMilliseconds(ms), sinceLastCheck, recheckWindow);
    }

    public async Task<IReadOnlyList<StoredArticle>> GetArticlesAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (query.SourceId is not null)
        {
            where.Add("source_id = @SourceId");
        }

        if (query.CategorySlug is not null)
        {
            where.Add("category_slug = @CategorySlug");
        }

        if (query.CollapseNearDuplicates)
        {
            where.Add("near_duplicate_of IS NULL");
        }

        if (query.FirstSeenSince is not null)
        {
            where.Add("first_seen >= @FirstSeenSince");
        }

        var sql = $"SELECT {ArticleColumns} FROM articles {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} " +
                  "ORDER BY sort_time DESC, first_seen DESC, id LIMIT @Limit";
        await using var connection = await OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ArticleRow>(Command(
            sql, new { query.SourceId, query.CategorySlug, FirstSeenSince = query.FirstSeenSince?.ToUnixTimeMilliseconds(), Limit = Math.Max(0, query.Limit) }, null, cancellationToken))).AsList();
        var related = await FindRelatedAsync(connection, rows, cancellationToken);
        return [.. rows.Select(r => ToStored(r, related))];
    }

    /// <summary>For each group (an original and its copies) in the rows, every member's URL by id.</summary>
    private async Task<Dictionary<string, List<GroupMemberRow>>> FindRelatedAsync(DbConnection connection, List<ArticleRow> rows, CancellationToken cancellationToken)
    {
        var keys = rows.Select(r => r.NearDuplicateOf ?? r.Id).Distinct().ToList();
        var groups = new Dictionary<string, List<GroupMemberRow>>();
        foreach (var chunk in keys.Chunk(400))
        {
            var members = await connection.QueryAsync<GroupMemberRow>(Command(
                "SELECT id AS Id, near_duplicate_of AS NearDuplicateOf, canonical_url AS CanonicalUrl FROM articles " +
                $"WHERE {InList("id", "keys")} OR {InList("near_duplicate_of", "keys")} ORDER BY first_seen, id",
                new { keys = chunk }, null, cancellationToken));
            foreach (var m in members)
            {
                var key = m.NearDuplicateOf ?? m.Id;
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }

                list.Add(m);
            }
        }

        return groups;
    }

    private static StoredArticle ToStored(ArticleRow row, Dictionary<string, List<GroupMemberRow>> related)
    {
        var article = StoreJson.Deserialize<Article>(row.ArticleJson);
        var group = related.GetValueOrDefault(row.NearDuplicateOf ?? row.Id) ?? [];
        return new StoredArticle
        {
            Id = row.Id,
            SourceId = row.SourceId,
            Article = article,
            FirstSeen = DateTimeOffset.FromUnixTimeMilliseconds(row.FirstSeen),
            LastChanged = FromUnix(row.LastChanged),
            RevisedAt = FromUnix(row.RevisedAt),
            Revisions = row.Revisions,
            RevisedFields = row.RevisedFields?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
            NearDuplicateOf = row.NearDuplicateOf,
            NearDuplicateDistance = row.NearDuplicateDistance,
            RelatedLinks = [.. group.Where(m => m.Id != row.Id).Select(m => new Uri(m.CanonicalUrl))],
            Categories = article.Category is { } c ? [c] : [],
        };
    }

    private static Task<ArticleRow?> FindArticleAsync(DbConnection connection, DbTransaction tx, string id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ArticleRow>(Command($"SELECT {ArticleColumns} FROM articles WHERE id = @id", new { id }, tx, cancellationToken));

    private static async Task<bool> IsTombstonedAsync(DbConnection connection, DbTransaction? tx, string sourceId, string canonical, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(Command(
            "SELECT 1 FROM tombstones WHERE source_id = @sourceId AND canonical_url = @canonical",
            new { sourceId, canonical }, tx, cancellationToken)) is not null;

    private static string? CategoryOf(Article article) => article.Category is { } c ? CategorySlug.From(c) : null;

    private static long? Signed(ulong? fingerprint) => fingerprint is { } f ? unchecked((long)f) : null;

    private static int? Band(ulong? fingerprint, int band) => fingerprint is { } f ? SimHash.Band(f, band) : null;
}
