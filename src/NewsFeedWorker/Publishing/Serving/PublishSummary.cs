namespace NewsFeedWorker.Publishing.Serving;

/// <summary>What one publish did: files considered, files whose bytes changed, hub pings accepted.</summary>
public sealed record PublishSummary(int Files, int ChangedFiles, int HubPings);
