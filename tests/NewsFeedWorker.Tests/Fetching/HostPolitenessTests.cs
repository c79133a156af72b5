using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsFeedWorker.Fetching;
using NewsFeedWorker.Sources;

namespace NewsFeedWorker.Tests.Fetching;

public sealed class HostPolitenessTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider time = new();

    private HostPoliteness Create(int concurrency = 1) => new(
        new StaticOptions(new FetchingOptions { DelayBetweenRequests = Delay, MaxConcurrencyPerHost = concurrency }), time);

    [Fact]
    public async Task The_next_request_to_a_host_waits_for_the_delay_after_the_previous_one_ends()
    {
        var politeness = Create();
        (await politeness.EnterAsync("news.example", null, CancellationToken.None)).Dispose();

        var next = politeness.EnterAsync("news.example", null, CancellationToken.None);
        time.Advance(Delay - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));
        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task Another_host_does_not_wait()
    {
        var politeness = Create();
        (await politeness.EnterAsync("news.example", null, CancellationToken.None)).Dispose();

        var other = politeness.EnterAsync("weather.example", null, CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Only_one_request_is_in_flight_per_host_until_its_lease_ends()
    {
        var politeness = Create();
        var first = await politeness.EnterAsync("news.example", new PolitenessSettings { Delay = TimeSpan.Zero }, CancellationToken.None);

        var second = politeness.EnterAsync("news.example", new PolitenessSettings { Delay = TimeSpan.Zero }, CancellationToken.None);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task A_source_may_allow_more_concurrency_and_a_shorter_delay()
    {
        var politeness = Create();
        var settings = new PolitenessSettings { MaxConcurrency = 2, Delay = TimeSpan.Zero };

        using var first = await politeness.EnterAsync("fast.example", settings, CancellationToken.None);
        var second = politeness.EnterAsync("fast.example", settings, CancellationToken.None);
        var third = politeness.EnterAsync("fast.example", settings, CancellationToken.None);

        Assert.True(second.IsCompletedSuccessfully);
        Assert.False(third.IsCompleted);
        (await second).Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task A_robots_txt_crawl_delay_lengthens_the_gap_up_to_the_cap()
    {
        var politeness = Create();
        var asked = TimeSpan.FromMinutes(5); // more than the 30 s cap
        (await politeness.EnterAsync("slow.example", null, CancellationToken.None, crawlDelay: asked)).Dispose();

        var next = politeness.EnterAsync("slow.example", null, CancellationToken.None, crawlDelay: asked);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(next.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_slot_back()
    {
        var politeness = Create();
        (await politeness.EnterAsync("news.example", null, CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();

        var waiting = politeness.EnterAsync("news.example", null, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        time.Advance(Delay);
        var after = politeness.EnterAsync("news.example", null, CancellationToken.None);
        Assert.True(after.IsCompletedSuccessfully);
    }

    private sealed class StaticOptions(FetchingOptions value) : IOptionsMonitor<FetchingOptions>
    {
        public FetchingOptions CurrentValue => value;

        public FetchingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<FetchingOptions, string?> listener) => null;
    }
}
