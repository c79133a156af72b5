using Microsoft.Extensions.Time.Testing;
using NewsFeedWorker.Hosting;
using NewsFeedWorker.Scheduling;

namespace NewsFeedWorker.Tests.Hosting;

public sealed class IdleMemoryTrimmerTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider time = new();
    private int trims;

    [Fact]
    public async Task Memory_is_trimmed_once_after_a_quiet_interval_and_again_only_after_more_parsing()
    {
        var gate = new ParseGate(2);
        using var trimmer = new IdleMemoryTrimmer(gate, Delay, time, () => Interlocked.Increment(ref trims));
        await trimmer.StartAsync(CancellationToken.None);

        // A busy spell: a parse in every interval, so no trim.
        for (var i = 0; i < 3; i++)
        {
            await gate.RunAsync("source", () => i, CancellationToken.None);
            await TickAsync();
        }

        Assert.Equal(0, Volatile.Read(ref trims));

        await TickAsync();
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref trims) == 1, TimeSpan.FromSeconds(10)));

        // Still quiet: nothing new to give back.
        await TickAsync();
        await TickAsync();
        Assert.Equal(1, Volatile.Read(ref trims));

        await gate.RunAsync("source", () => 0, CancellationToken.None);
        await TickAsync();
        await TickAsync();
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref trims) == 2, TimeSpan.FromSeconds(10)));
        await trimmer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_delay_of_zero_turns_the_trim_off()
    {
        var gate = new ParseGate(1);
        using var trimmer = new IdleMemoryTrimmer(gate, TimeSpan.Zero, time, () => Interlocked.Increment(ref trims));
        await trimmer.StartAsync(CancellationToken.None);

        for (var i = 0; i < 4; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
        }

        await trimmer.StopAsync(CancellationToken.None);
        Assert.Equal(0, trims);
    }

    /// <summary>Advances the clock one interval and lets the trimmer's loop handle the tick.</summary>
    private async Task TickAsync()
    {
        time.Advance(Delay);
        // The loop resumes on the thread pool; give it the chance before the next advance.
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(10);
        }
    }
}
