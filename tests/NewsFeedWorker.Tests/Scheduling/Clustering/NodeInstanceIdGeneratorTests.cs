using NewsFeedWorker.Scheduling.Clustering;

namespace NewsFeedWorker.Tests.Scheduling.Clustering;

public sealed class NodeInstanceIdGeneratorTests
{
    [Fact]
    public async Task Ids_name_the_host_and_process_and_differ_between_starts()
    {
        var generator = new NodeInstanceIdGenerator();

        var first = await generator.GenerateInstanceId();
        var second = await generator.GenerateInstanceId();

        Assert.StartsWith(Environment.MachineName + "-", first);
        Assert.Equal(Environment.ProcessId, NodeInstanceIdGenerator.ProcessIdOf(first));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void The_process_id_is_read_from_host_names_with_dashes_and_not_from_foreign_ids()
    {
        Assert.Equal(4711, NodeInstanceIdGenerator.ProcessIdOf("web-2-4711-9f0c21ab"));
        Assert.Null(NodeInstanceIdGenerator.ProcessIdOf("NON_CLUSTERED"));
        Assert.Null(NodeInstanceIdGenerator.ProcessIdOf("host-abc-9f0c21ab"));
    }
}
