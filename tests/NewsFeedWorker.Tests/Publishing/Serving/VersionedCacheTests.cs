using NewsFeedWorker.Publishing.Serving;

namespace NewsFeedWorker.Tests.Publishing.Serving;

public sealed class VersionedCacheTests
{
    [Fact]
    public async Task A_value_is_computed_once_per_version()
    {
        using var cache = new VersionedCache<string, string>(v => v.Length, 1000);
        var computed = 0;
        Task<string> Compute(CancellationToken _) => Task.FromResult($"value {++computed}");

        var first = await cache.GetAsync("k", 1, Compute, CancellationToken.None);
        var same = await cache.GetAsync("k", 1, Compute, CancellationToken.None);
        var next = await cache.GetAsync("k", 2, Compute, CancellationToken.None);

        Assert.Equal("value 1", first);
        Assert.Equal("value 1", same);
        Assert.Equal("value 2", next);
    }

    [Fact]
    public async Task A_miss_on_one_key_does_not_wait_behind_the_computation_of_another()
    {
        using var cache = new VersionedCache<string, string>(v => v.Length, 1000);
        var slow = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = cache.GetAsync("all|500", 1, _ => { slowStarted.SetResult(); return slow.Task; }, CancellationToken.None);
        await slowStarted.Task;
        var other = await cache.GetAsync("all|50", 1, _ => Task.FromResult("fast"), CancellationToken.None);

        Assert.Equal("fast", other);
        Assert.False(first.IsCompleted);
        slow.SetResult("slow");
        Assert.Equal("slow", await first);
    }

    [Fact]
    public async Task Requests_for_the_same_key_share_one_computation()
    {
        using var cache = new VersionedCache<string, string>(v => v.Length, 1000);
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var computed = 0;

        var one = cache.GetAsync("k", 1, _ => { Interlocked.Increment(ref computed); return gate.Task; }, CancellationToken.None);
        var two = cache.GetAsync("k", 1, _ => { Interlocked.Increment(ref computed); return gate.Task; }, CancellationToken.None);
        gate.SetResult("v");

        Assert.Equal(["v", "v"], await Task.WhenAll(one, two));
        Assert.Equal(1, computed);
    }

    [Theory]
    [InlineData(7, 50, 5)]
    [InlineData(9, 50, 5)]
    [InlineData(10, 50, 10)]
    [InlineData(49, 50, 20)]
    [InlineData(60, 50, 50)]
    [InlineData(499, 50, 200)]
    [InlineData(500, 50, 500)]
    [InlineData(1, 50, 1)]
    public void A_limit_is_rounded_down_to_one_of_a_few_shared_values(int asked, int defaultCount, int shared)
    {
        Assert.Equal(shared, FeedRequestHandler.SharedLimit(asked, defaultCount));
    }

    [Fact]
    public async Task Bytes_stay_under_the_bound_however_many_keys_clients_ask_for()
    {
        using var cache = new VersionedCache<string, string>(v => v.Length, 1000);

        for (var limit = 1; limit <= 500; limit++)
        {
            await cache.GetAsync($"all|{limit}", 1, _ => Task.FromResult(new string('x', 100)), CancellationToken.None);
        }

        Assert.InRange(cache.Bytes, 100, 1000);
    }
}
