namespace NewsFeedWorker.Storage;

/// <summary>
/// One alert of one story to one target, as recorded in the store: the row is the promise that it is sent once. Its id
/// is derived from topic, story and target, so every node and every restart computes the same one.
/// </summary>
public sealed record AlertDelivery
{
    public required string Id { get; init; }
    public required string TopicId { get; init; }
    /// <summary>The story: the id of its first copy (near-duplicates from other sources share it).</summary>
    public required string StoryId { get; init; }
    /// <summary>The article the alert was made from.</summary>
    public required string ArticleId { get; init; }
    /// <summary>The target as described in logs (<c>webhook https://…/hook</c>), never with its secret.</summary>
    public required string Target { get; init; }
    /// <summary>The JSON body of the alert, made when the story was first seen.</summary>
    public required string PayloadJson { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public int Attempts { get; init; }
}
