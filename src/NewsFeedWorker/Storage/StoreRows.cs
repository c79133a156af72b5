namespace NewsFeedWorker.Storage;

// Row shapes Dapper reads into. Settable properties (not positional records) because SQLite returns every
// integer as Int64 and Dapper converts only when it assigns properties.
#pragma warning disable CA1812
internal sealed class ArticleRow
{
    public string Id { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string CanonicalUrl { get; set; } = "";
    public long FirstSeen { get; set; }
    public long? LastChanged { get; set; }
    public string ContentHash { get; set; } = "";
    public string? NearDuplicateOf { get; set; }
    public int? NearDuplicateDistance { get; set; }
    public string ArticleJson { get; set; } = "";
    public long? RevisedAt { get; set; }
    public int Revisions { get; set; }
    public string? RevisedFields { get; set; }
}

internal sealed class RevisionRow
{
    public string ArticleId { get; set; } = "";
    public string SourceId { get; set; } = "";
    public int Seq { get; set; }
    public long SeenAt { get; set; }
    public long ReplacedAt { get; set; }
    public string Changed { get; set; } = "";
    public string ArticleJson { get; set; } = "";
    public string AfterJson { get; set; } = "";
}

internal sealed class LinkStateRow
{
    public long FirstAt { get; set; }
    public long At { get; set; }
}

internal sealed class CandidateRow
{
    public string Id { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string CanonicalUrl { get; set; } = "";
    public long Simhash { get; set; }
    public long FirstSeen { get; set; }
}

internal sealed class GroupMemberRow
{
    public string Id { get; set; } = "";
    public string? NearDuplicateOf { get; set; }
    public string CanonicalUrl { get; set; } = "";
}

internal sealed class WeatherRow
{
    public string Id { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string SnapshotJson { get; set; } = "";
    public long SeenAt { get; set; }
}

internal sealed class FetchStateRow
{
    public string? Etag { get; set; }
    public long? LastModified { get; set; }
}

internal sealed class SourceStatusRow
{
    public string SourceId { get; set; } = "";
    public long? LastRun { get; set; }
    public long? LastSuccess { get; set; }
    public long? LastErrorAt { get; set; }
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }
    public int FailedPages { get; set; }
}

internal sealed class SourceCountRow
{
    public string SourceId { get; set; } = "";
    public long Total { get; set; }
    public long Recent { get; set; }
}

internal sealed class VictimRow
{
    public string Id { get; set; } = "";
    public string SourceId { get; set; } = "";
    public string CanonicalUrl { get; set; } = "";
}
#pragma warning restore CA1812
