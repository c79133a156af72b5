using NewsFeedWorker.Fetching;

namespace NewsFeedWorker.Scheduling;

/// <summary>The cycle's log lines; property names follow the house set (SourceId, Url, Status, Elapsed).</summary>
public sealed partial class ScrapeCycle
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Source {SourceId}: {Pages} pages fetched, {NotModified} not modified, {New} new ({NearDuplicates} near-duplicates of other sources' articles), {Updated} updated, {Skipped} past recheck window, {NoArticle} without article, {Failures} failures in {Elapsed}")]
        public static partial void Summary(ILogger logger, string sourceId, int pages, int notModified, int @new, int nearDuplicates, int updated, int skipped, int noArticle, int failures, TimeSpan elapsed);

        [LoggerMessage(2, LogLevel.Warning, "Source {SourceId}: no article found at {Url}: {Reason}")]
        public static partial void NoArticle(ILogger logger, string sourceId, Uri url, string reason);

        [LoggerMessage(3, LogLevel.Debug, "Source {SourceId}: {Url} not modified")]
        public static partial void NotModified(ILogger logger, string sourceId, Uri url);

        // Debug: the fetch stage already logs every failed fetch once, as a warning.
        [LoggerMessage(4, LogLevel.Debug, "Source {SourceId}: fetching {Url} failed ({Kind}, status {Status}): {Reason}")]
        public static partial void FetchFailed(ILogger logger, string sourceId, Uri url, FetchErrorKind kind, int? status, string reason);

        // Debug, like every per-page line: at Information a 50-source first run wrote 10,000 lines through the console
        // sink's lock (4% of the cycle's CPU in the benchmark profile); the summary line above counts them.
        [LoggerMessage(5, LogLevel.Debug, "Source {SourceId}: new article {Url} \"{Title}\"")]
        public static partial void NewArticle(ILogger logger, string sourceId, Uri url, string title);

        [LoggerMessage(6, LogLevel.Debug, "Source {SourceId}: updated article {Url} \"{Title}\"")]
        public static partial void UpdatedArticle(ILogger logger, string sourceId, Uri url, string title);

        [LoggerMessage(7, LogLevel.Debug, "Source {SourceId}: {Url}: {Problem}")]
        public static partial void ParseProblem(ILogger logger, string sourceId, Uri url, string problem);

        [LoggerMessage(9, LogLevel.Warning, "Source {SourceId}: page {Url} failed, the cycle goes on: {Reason}")]
        public static partial void PageFailed(ILogger logger, string sourceId, Uri url, string reason);

        [LoggerMessage(8, LogLevel.Information, "Source {SourceId}: article limit {MaxArticles} reached ({Found} links found); the rest wait for the next run")]
        public static partial void ArticleLimit(ILogger logger, string sourceId, int maxArticles, int found);
    
        [LoggerMessage(10, LogLevel.Information, "Source {SourceId}: {Url} corrected ({Changed}); the previous version is kept as a revision")]
        public static partial void Corrected(ILogger logger, string sourceId, Uri url, string changed);
}
}
