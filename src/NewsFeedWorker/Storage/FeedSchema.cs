namespace NewsFeedWorker.Storage;

/// <summary>
/// The schema, as numbered migrations applied in order and recorded in <c>schema_version</c>. The same SQL
/// serves SQLite and PostgreSQL: times are Unix milliseconds in BIGINT columns, so no dialect-specific types.
/// A released migration is never edited; a change is a new entry.
/// </summary>
internal static class FeedSchema
{
    public const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)";

    public static IReadOnlyList<(int Version, string Sql)> Migrations { get; } =
    [
        (1, """
            CREATE TABLE articles (
                id TEXT NOT NULL PRIMARY KEY,
                source_id TEXT NOT NULL,
                canonical_url TEXT NOT NULL,
                title TEXT NOT NULL,
                category_slug TEXT NULL,
                sort_time BIGINT NOT NULL,
                first_seen BIGINT NOT NULL,
                last_changed BIGINT NULL,
                content_hash TEXT NOT NULL,
                simhash BIGINT NULL,
                band0 INTEGER NULL,
                band1 INTEGER NULL,
                band2 INTEGER NULL,
                band3 INTEGER NULL,
                near_duplicate_of TEXT NULL,
                near_duplicate_distance INTEGER NULL,
                article_json TEXT NOT NULL,
                CONSTRAINT articles_source_url UNIQUE (source_id, canonical_url)
            );
            CREATE INDEX articles_source_sort ON articles (source_id, sort_time);
            CREATE INDEX articles_category_sort ON articles (category_slug, sort_time);
            CREATE INDEX articles_sort ON articles (sort_time);
            CREATE INDEX articles_first_seen ON articles (source_id, first_seen);
            CREATE INDEX articles_band0 ON articles (band0, first_seen);
            CREATE INDEX articles_band1 ON articles (band1, first_seen);
            CREATE INDEX articles_band2 ON articles (band2, first_seen);
            CREATE INDEX articles_band3 ON articles (band3, first_seen);
            CREATE INDEX articles_near_duplicate_of ON articles (near_duplicate_of);
            CREATE TABLE tombstones (
                source_id TEXT NOT NULL,
                canonical_url TEXT NOT NULL,
                id TEXT NOT NULL,
                pruned_at BIGINT NOT NULL,
                PRIMARY KEY (source_id, canonical_url)
            );
            CREATE INDEX tombstones_pruned_at ON tombstones (pruned_at);
            CREATE TABLE weather (
                id TEXT NOT NULL PRIMARY KEY,
                source_id TEXT NOT NULL,
                observed_on TEXT NOT NULL,
                seq BIGINT NOT NULL,
                readings_hash TEXT NOT NULL,
                snapshot_json TEXT NOT NULL,
                seen_at BIGINT NOT NULL,
                CONSTRAINT weather_source_seq UNIQUE (source_id, seq)
            );
            CREATE INDEX weather_source_date ON weather (source_id, observed_on, seq);
            CREATE INDEX weather_seen_at ON weather (seen_at);
            CREATE TABLE fetch_state (
                url TEXT NOT NULL PRIMARY KEY,
                etag TEXT NULL,
                last_modified BIGINT NULL,
                last_status INTEGER NULL,
                first_at BIGINT NOT NULL,
                at BIGINT NOT NULL
            );
            CREATE TABLE source_status (
                source_id TEXT NOT NULL PRIMARY KEY,
                last_run BIGINT NULL,
                last_success BIGINT NULL,
                last_error_at BIGINT NULL,
                last_error TEXT NULL,
                consecutive_failures INTEGER NOT NULL
            );
            CREATE TABLE change_version (
                id INTEGER NOT NULL PRIMARY KEY,
                version BIGINT NOT NULL
            );
            INSERT INTO change_version (id, version) VALUES (1, 0);
            """),
        // Only copies carry near_duplicate_of. A full index made the planners (SQLite without statistics) answer the
        // near-duplicate lookup's "near_duplicate_of IS NULL" through it, a scan of every row, instead of the bands.
        (2, """
            DROP INDEX articles_near_duplicate_of;
            CREATE INDEX articles_near_duplicate_of ON articles (near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;
            """),
        // Per source, the change version of the last write that changed one of its feeds: the publisher re-renders
        // only the feeds of sources that changed since it last exported them.
        (3, """
            CREATE TABLE source_changes (
                source_id TEXT NOT NULL PRIMARY KEY,
                version BIGINT NOT NULL
            );
            INSERT INTO source_changes (source_id, version)
            SELECT s.source_id, c.version FROM (SELECT source_id FROM articles UNION SELECT source_id FROM weather) s, change_version c
            WHERE c.id = 1;
            """),
        // Pages that failed in a source's last run, shown by /health and `sources` next to the consecutive failed runs.
        (4, """
            ALTER TABLE source_status ADD COLUMN failed_pages INTEGER NOT NULL DEFAULT 0;
            """),
        // Per source, its latest article pages and the fingerprints of their body blocks (16 hex digits each, space
        // separated): the furniture memory, rebuilt as pages come and bounded per source by the writer.
        (5, """
            CREATE TABLE furniture_pages (
                source_id TEXT NOT NULL,
                url TEXT NOT NULL,
                seen_at BIGINT NOT NULL,
                blocks TEXT NOT NULL,
                PRIMARY KEY (source_id, url)
            );
            CREATE INDEX furniture_pages_seen ON furniture_pages (source_id, seen_at);
            """),
        // A list page's article links and next page (JSON, ListPageLinks), kept with its validators: a list page that
        // answers 304 no longer hides its articles from their re-checks.
        // Article revisions: when a re-check finds a material change, the version it replaces is kept here with when it
        // was first seen, when it was replaced and which fields the correction changed (space separated); the article
        // row counts its revisions and holds the time and fields of its last material change (revised_at, revised_fields).
        (6, """
            ALTER TABLE fetch_state ADD COLUMN list_links TEXT NULL;
            ALTER TABLE articles ADD COLUMN revised_at BIGINT NULL;
            ALTER TABLE articles ADD COLUMN revisions INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE articles ADD COLUMN revised_fields TEXT NULL;
            CREATE TABLE article_revisions (
                article_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                source_id TEXT NOT NULL,
                seen_at BIGINT NOT NULL,
                replaced_at BIGINT NOT NULL,
                changed TEXT NOT NULL,
                article_json TEXT NOT NULL,
                PRIMARY KEY (article_id, seq)
            );
            CREATE INDEX article_revisions_replaced ON article_revisions (replaced_at);
            CREATE INDEX article_revisions_source ON article_revisions (source_id, replaced_at);
            """),
        // Topic alerts: when each topic was first seen (older stories are never alerted), and one row per topic, story
        // and target, inserted once by whichever node sees the story first, leased by the node that sends it.
        (7, """
            CREATE TABLE alert_topics (
                topic_id TEXT NOT NULL PRIMARY KEY,
                since BIGINT NOT NULL
            );
            CREATE TABLE alert_deliveries (
                id TEXT NOT NULL PRIMARY KEY,
                topic_id TEXT NOT NULL,
                story_id TEXT NOT NULL,
                article_id TEXT NOT NULL,
                target TEXT NOT NULL,
                payload_json TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                claimed_by TEXT NULL,
                claimed_until BIGINT NULL,
                sent_at BIGINT NULL,
                last_error TEXT NULL,
                last_error_at BIGINT NULL
            );
            CREATE INDEX alert_deliveries_due ON alert_deliveries (status, next_attempt_at);
            CREATE INDEX alert_deliveries_topic ON alert_deliveries (topic_id, created_at);
            """),
        // Per source, the drift warnings in force (one line each: a configured selector that stopped matching), written
        // by the worker that ran the source and read by `sources` and the other nodes; no row when there are none.
        (8, """
            CREATE TABLE source_drift (
                source_id TEXT NOT NULL PRIMARY KEY,
                warnings TEXT NOT NULL,
                updated_at BIGINT NOT NULL
            );
            """),
        // Per source and configured field, what drift detection learned about the selector in force (pages it filled,
        // pages of the runs where it filled any; for articleLinks the most links a run gave) and the field's warning while
        // one is in force: a restarted worker starts from it instead of learning the first run again. The history is that
        // of one selector value: another selector in the sources file starts a new one.
        (9, """
            CREATE TABLE drift_baseline (
                source_id TEXT NOT NULL,
                field TEXT NOT NULL,
                selector TEXT NOT NULL,
                filled BIGINT NOT NULL,
                pages BIGINT NOT NULL,
                warning TEXT NULL,
                warned_since BIGINT NULL,
                PRIMARY KEY (source_id, field)
            );
            """),
    ];

    public static int LatestVersion => Migrations[^1].Version;
}
