namespace NewsFeedWorker.Storage;

public abstract partial class RelationalFeedStore
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Storage schema migrated to version {Version}")]
        public static partial void Migrated(ILogger logger, int version);

        [LoggerMessage(2, LogLevel.Information,
            "Near-duplicate: {Url} from {SourceId} is a copy of {OriginalId} ({OriginalUrl} from {OriginalSourceId}): fingerprints differ in {Distance} of 64 bits, threshold {Threshold}, {Candidates} candidates compared")]
        public static partial void NearDuplicate(ILogger logger, string sourceId, string url, string originalId, string originalSourceId, string originalUrl, int distance, int threshold, int candidates);

        [LoggerMessage(3, LogLevel.Debug,
            "Not a near-duplicate: {Url} from {SourceId} is closest to {ClosestUrl} at {Distance} of 64 bits, above threshold {Threshold} ({Candidates} candidates compared)")]
        public static partial void NotNearDuplicate(ILogger logger, string sourceId, string url, string closestUrl, int distance, int threshold, int candidates);

        [LoggerMessage(4, LogLevel.Information, "Article {Url} from {SourceId} changed; updated in place as {Id}")]
        public static partial void ArticleUpdated(ILogger logger, string sourceId, string url, string id);
    }
}
