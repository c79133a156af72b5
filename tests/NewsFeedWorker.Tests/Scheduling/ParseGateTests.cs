using System.Collections.Concurrent;
using NewsFeedWorker.Scheduling;

namespace NewsFeedWorker.Tests.Scheduling;

public sealed class ParseGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_limit_of_zero_means_one_parse_per_processor()
    {
        var gate = new ParseGate(0);

        Assert.Equal(Environment.ProcessorCount, gate.Limit);
    }

    [Fact]
    public async Task No_more_parses_than_the_limit_run_at_once_and_the_next_starts_when_one_ends()
    {
        var gate = new ParseGate(2);
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

        var parses = Enumerable.Range(0, 3).Select(_ => Task.Run(() => gate.RunAsync("source", Parse, CancellationToken.None))).ToList();

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
        var gate = new ParseGate(1);
        using var release = new ManualResetEventSlim(false);
        using var holding = new ManualResetEventSlim(false);
        var holder = Task.Run(() => gate.RunAsync("source", () => { holding.Set(); return release.Wait(Patience); }, CancellationToken.None));
        Assert.True(holding.Wait(Patience));
        using var cancel = new CancellationTokenSource();

        var waiting = gate.RunAsync("source", () => true, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.Set();
        await holder;
        Assert.Equal(42, await gate.RunAsync("source", () => 42, CancellationToken.None));
    }

    [Fact]
    public async Task A_waiting_source_gets_the_next_slot_before_a_source_that_just_had_one_even_when_that_one_asked_first()
    {
        var gate = new ParseGate(1);
        var (holder, release) = HoldTheSlot(gate, "slow");
        var grants = new ConcurrentQueue<string>();

        // The slow source asks again (twice) before the others; first come first served would serve it first.
        var waiting = new[] { "slow", "slow", "healthy", "other" }
            .Select(source => gate.RunAsync(source, () => { grants.Enqueue(source); return source; }, CancellationToken.None))
            .ToList();
        Assert.Equal(4, gate.Waiting);
        release.Set();
        await Task.WhenAll(waiting);
        Assert.True(await holder);

        Assert.Equal(["healthy", "other", "slow", "slow"], grants);
    }

    [Fact]
    public async Task Sources_with_several_pages_waiting_take_turns()
    {
        var gate = new ParseGate(1);
        var (holder, release) = HoldTheSlot(gate, "third");
        var grants = new ConcurrentQueue<string>();

        var waiting = new[] { "a", "a", "a", "b", "b", "b" }
            .Select(source => gate.RunAsync(source, () => { grants.Enqueue(source); return source; }, CancellationToken.None))
            .ToList();
        release.Set();
        await Task.WhenAll(waiting);
        Assert.True(await holder);

        Assert.Equal(["a", "b", "a", "b", "a", "b"], grants);
    }

    [Fact]
    public async Task A_cancelled_waiter_loses_its_turn_and_the_next_source_is_served()
    {
        var gate = new ParseGate(1);
        var (holder, release) = HoldTheSlot(gate, "slow");
        var grants = new ConcurrentQueue<string>();
        using var cancel = new CancellationTokenSource();

        var gone = gate.RunAsync("gone", () => { grants.Enqueue("gone"); return "gone"; }, cancel.Token);
        var kept = gate.RunAsync("kept", () => { grants.Enqueue("kept"); return "kept"; }, CancellationToken.None);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);
        Assert.Equal(1, gate.Waiting);
        release.Set();
        await Task.WhenAll(kept, holder);

        Assert.Equal(["kept"], grants);
        Assert.Equal(0, gate.Running);
    }

    /// <summary>A parse of <paramref name="source"/> that holds the gate's only slot until the event is set.</summary>
    private static (Task<bool> Holder, ManualResetEventSlim Release) HoldTheSlot(ParseGate gate, string source)
    {
        var release = new ManualResetEventSlim(false);
        var holding = new ManualResetEventSlim(false);
        var holder = Task.Run(() => gate.RunAsync(source, () => { holding.Set(); return release.Wait(Patience); }, CancellationToken.None));
        Assert.True(holding.Wait(Patience));
        return (holder, release);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
