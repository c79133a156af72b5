using NewsFeedWorker.Parsing;

namespace NewsFeedWorker.Storage;

/// <summary>
/// A previous version of an article, kept when a material change (<see cref="Dedupe.MaterialChange"/>) replaced it:
/// when it was first seen, when the version after it was seen, and what that correction changed.
/// </summary>
public sealed record ArticleRevision(int Seq, DateTimeOffset SeenAt, DateTimeOffset ReplacedAt, IReadOnlyList<string> Changed, Article Article);

/// <summary>An article with its previous versions, oldest first.</summary>
public sealed record ArticleHistory(StoredArticle Current, IReadOnlyList<ArticleRevision> Revisions);

/// <summary>One material correction: the version before and the one that replaced it (seen at <paramref name="SeenAt"/>).</summary>
public sealed record ArticleCorrection(string ArticleId, string SourceId, int Seq, DateTimeOffset SeenAt, IReadOnlyList<string> Changed, Article Before, Article After);
