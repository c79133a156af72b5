using NewsFeedWorker.Publishing;

namespace NewsFeedWorker.Tests.Publishing;

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
