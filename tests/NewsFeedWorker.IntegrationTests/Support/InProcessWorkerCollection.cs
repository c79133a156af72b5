namespace NewsFeedWorker.IntegrationTests.Support;

/// <summary>
/// Test classes that run whole worker hosts inside the test process. They take turns, and run after every other
/// test class, alone: OpenTelemetry subscribes to meters by name across the process, so two hosts at once would count
/// each other's fetches and articles, and a meter of the same name disposed by any other test's service provider
/// (a cycle test's <c>SchedulingMetrics</c>, say) ends the host's metric stream of that instrument, after which its
/// samples are no longer exported (seen once: no <c>newsfeedworker_articles_total</c> after a cycle that stored articles).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessWorkerCollection
{
    public const string Name = "in-process worker hosts";
}
