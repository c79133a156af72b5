namespace NewsFeedWorker.IntegrationTests.Support;

/// <summary>
/// Test classes that run whole worker hosts inside the test process. They take turns: OpenTelemetry subscribes to
/// meters by name across the process, so two hosts at once would count each other's fetches and articles.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessWorkerCollection
{
    public const string Name = "in-process worker hosts";
}
