namespace NewsFeedWorker.Publishing;

/// <summary>Re-renders the feeds whose content changed and writes the static export; called after each cycle that stored something.</summary>
public sealed class FeedPublisher
{
    public Task PublishAsync(CancellationToken cancellationToken)
        => throw new NotImplementedException("publish stage");
}
