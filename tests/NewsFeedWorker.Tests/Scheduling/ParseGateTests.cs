using NewsFeedWorker.Scheduling;

namespace NewsFeedWorker.Tests.Scheduling;

public sealed class ParseGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_limit_of_zero_means_one_parse_per_processor()
    {
        using var gate = new ParseGate(0);

        Assert.Equal(Environment.ProcessorCount, gate.Limit);
    }

    [Fact]
    public async Task No_more_parses_than_the_limit_run_at_once_and_the_next_starts_when_one_ends()
    {
        using var gate = new ParseGate(2);
        using var release = new ManualResetEventSlim(false);
        int entered = 0, inside = 0, mostInside = 0;
        int Parse()
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref mostInside, now);
            Interlocked.Increment(ref entered);
            release.Wait(Patience);
            Interlocked.Decrement(ref inside);
            return now;
        }

        var parses = Enumerable.Range(0, 3).Select(_ => Task.Run(() => gate.RunAsync(Parse, CancellationToken.None))).ToList();

        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref entered) == 2, Patience));
        // The third waits for a slot; give it every chance to get in wrongly.
        Assert.False(SpinWait.SpinUntil(() => Volatile.Read(ref entered) > 2, TimeSpan.FromMilliseconds(300)));
        Assert.DoesNotContain(parses, p => p.IsCompleted);

        release.Set();
        await Task.WhenAll(parses);

        Assert.Equal(3, entered);
        Assert.Equal(2, mostInside);
    }

    [Fact]
    public async Task A_caller_cancelled_while_waiting_gives_up_without_taking_a_slot()
    {
        using var gate = new ParseGate(1);
        using var release = new ManualResetEventSlim(false);
        using var holding = new ManualResetEventSlim(false);
        var holder = Task.Run(() => gate.RunAsync(() => { holding.Set(); return release.Wait(Patience); }, CancellationToken.None));
        Assert.True(holding.Wait(Patience));
        using var cancel = new CancellationTokenSource();

        var waiting = gate.RunAsync(() => true, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.Set();
        await holder;
        Assert.Equal(42, await gate.RunAsync(() => 42, CancellationToken.None));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
