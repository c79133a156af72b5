using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Suggesting;

/// <summary>What <c>suggest</c> derived: the source block, the keys it left out and why, and the check of every field on every page.</summary>
internal sealed record Suggestion(SourceDefinition Source, IReadOnlyList<Omission> Omitted, IReadOnlyList<FieldCheck> Checks, IReadOnlyList<Uri> Pages);

/// <summary>A key left out of the block, with the reason (written as a comment beside the block).</summary>
internal sealed record Omission(string Key, string Reason);

/// <summary>One field on every sample page: what configured mode with the block gave, and whether generic mode agrees.</summary>
internal sealed record FieldCheck(string Field, string? Selector, IReadOnlyList<FieldCell> Pages);

/// <summary>A field on one page: the value excerpt, how it was extracted, and agreement with generic mode.</summary>
internal sealed record FieldCell(string Value, string Method, bool Agrees);
