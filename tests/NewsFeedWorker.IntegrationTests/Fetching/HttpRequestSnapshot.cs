namespace NewsFeedWorker.IntegrationTests.Fetching;

/// <summary>What the misbehaving site saw of one request.</summary>
public sealed record HttpRequestSnapshot(string Path, string Host, string UserAgent, string IfNoneMatch, string IfModifiedSince);
